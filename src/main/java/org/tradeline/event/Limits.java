package org.tradeline.event;

import java.util.regex.Pattern;

/** Field limits shared by timeline files, forms and the API; the schema's columns match them. */
public final class Limits {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int SLUG_LENGTH = 80;
    public static final int TIMELINE_TITLE = 200;
    public static final int SUMMARY = 2000;
    public static final int ACTOR_NAME = 120;
    public static final int HEADLINE = 200;
    public static final int BODY = 8000;
    public static final int PUBLISHER = 120;
    public static final int SOURCE_TITLE = 300;
    public static final int URL = 1000;
    public static final int SOURCES_PER_EVENT = 20;
    public static final int ACTORS_PER_EVENT = 30;
    public static final int ACTORS_PER_TIMELINE = 500;
    public static final int EVENTS_PER_TIMELINE = 50_000;

    private Limits() {
    }

    public static boolean isSlug(String s) {
        return s != null && s.length() <= SLUG_LENGTH && SLUG.matcher(s).matches();
    }

    /**
     * What is wrong with the characters of a text field, or null: control characters other than
     * tab and line breaks, half of a surrogate pair, or U+FFFE/U+FFFF cannot be shown, are refused
     * by PostgreSQL (U+0000) and make the Atom feed invalid XML.
     */
    public static String badCharacter(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || c == 0xfffe || c == 0xffff;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (bad || Character.isSurrogate(c)) {
                return "Remove the character U+" + String.format("%04X", (int) c)
                        + (Character.isSurrogate(c) ? " (half of a character)" : " (a control character)")
                        + ": it cannot be shown or stored.";
            }
        }
        return null;
    }
}
