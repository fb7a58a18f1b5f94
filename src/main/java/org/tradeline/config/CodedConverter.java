package org.tradeline.config;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link Coded} enum as its code; subclasses name the enum for JPA. */
public abstract class CodedConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CodedConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String code) {
        return code == null ? null : Coded.byCode(type, code)
                .orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " in database: " + code));
    }
}
