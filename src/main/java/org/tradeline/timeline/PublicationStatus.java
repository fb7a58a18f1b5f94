package org.tradeline.timeline;

import jakarta.persistence.Converter;
import org.tradeline.config.Coded;
import org.tradeline.config.CodedConverter;

/** Drafts are seen by editors only; readers and the public API see published content. */
public enum PublicationStatus implements Coded {
    DRAFT("draft"),
    PUBLISHED("published");

    private final String code;

    PublicationStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends CodedConverter<PublicationStatus> {
        public JpaConverter() {
            super(PublicationStatus.class);
        }
    }
}
