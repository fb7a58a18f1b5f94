package org.tradeline.extract.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code String.matches} and {@code replaceAll} compile their pattern at every call; on the
 * extractor's hot path (every mention of every sentence) that was most of the time. Each pattern
 * here is compiled once and kept (the set is fixed: only literals of this package come here).
 */
final class Regex {

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Regex() {
    }

    static Pattern of(String regex) {
        return COMPILED.computeIfAbsent(regex, Pattern::compile);
    }

    static boolean matches(CharSequence s, String regex) {
        return of(regex).matcher(s).matches();
    }

    static String replaceAll(CharSequence s, String regex, String replacement) {
        return of(regex).matcher(s).replaceAll(replacement);
    }

    static String replaceFirst(CharSequence s, String regex, String replacement) {
        return of(regex).matcher(s).replaceFirst(replacement);
    }
}
