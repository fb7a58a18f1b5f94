package org.tradeline.event;

import jakarta.persistence.Converter;
import org.tradeline.config.Coded;
import org.tradeline.config.CodedConverter;

/** Major events carry the story; minor ones give context. */
public enum Importance implements Coded {
    MAJOR("major"),
    MINOR("minor");

    private final String code;

    Importance(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends CodedConverter<Importance> {
        public JpaConverter() {
            super(Importance.class);
        }
    }
}
