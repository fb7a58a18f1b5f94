package org.tradeline.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum value with a stable lower-case code, used in URLs, JSON, files and the database. */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> Optional<E> byCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
