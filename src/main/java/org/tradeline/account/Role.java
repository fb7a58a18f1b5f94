package org.tradeline.account;

import jakarta.persistence.Converter;
import org.tradeline.config.Coded;
import org.tradeline.config.CodedConverter;

/** Editors write timelines and events; admins also manage accounts. */
public enum Role implements Coded {
    EDITOR("editor"),
    ADMIN("admin");

    public static final String EDITOR_ROLE = "editor";
    public static final String ADMIN_ROLE = "admin";

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends CodedConverter<Role> {
        public JpaConverter() {
            super(Role.class);
        }
    }
}
