package org.tradeline.editor;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradeline.timeline.CurrentJson;
import org.tradeline.web.InvalidInput;
import org.tradeline.web.InvalidParameterException;
import org.tradeline.web.StaleVersion;

/**
 * What a write requires of the stored record (optimistic locking): the version a form or JSON body
 * carried (a stale one is a 409), or an If-Match header (RFC 9110, 13.1.1: a false one is a 412).
 * If-Match accepts every ETag the service hands out for the record's current state: a write's
 * {@code "v3"}, and the strong ETag of a GET of the record's JSON, plain or gzip; {@code *} holds
 * whenever the record exists.
 */
record Precondition(Set<Integer> versions, boolean anyVersion, boolean fromIfMatch) {

    /** A write's own ETag: the version. */
    private static final Pattern VERSION_TAG = Pattern.compile("v(\\d{1,9})");
    /** RFC 9110, 8.8.3: [W/] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text. */
    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"\\s*");

    /** The version a form or a JSON body carried; null when it carried none. */
    static Precondition version(Integer version) {
        return new Precondition(version == null ? Set.of() : Set.of(version), false, false);
    }

    /**
     * The condition of an If-Match field value. {@code current} is the read API's current answer for
     * the record (asked only when a tag is neither {@code *} nor a version).
     */
    static Precondition ifMatch(String value, Supplier<Optional<CurrentJson.Tagged>> current) {
        if (value.strip().equals("*")) {
            return new Precondition(Set.of(), true, true);
        }
        Set<Integer> versions = new HashSet<>();
        Optional<CurrentJson.Tagged> read = null;
        for (String element : elements(value)) {
            Matcher tag = ENTITY_TAG.matcher(element);
            if (!tag.matches()) {
                throw new InvalidParameterException("If-Match", "Send If-Match as the ETag you read, in its quotes "
                        + "(such as \"v3\", or the ETag of a GET of this address), or as *.");
            }
            if (tag.group(1) != null) {
                continue; // If-Match compares strongly: a weak tag never matches
            }
            Matcher version = VERSION_TAG.matcher(tag.group(2));
            if (version.matches()) {
                versions.add(Integer.valueOf(version.group(1)));
                continue;
            }
            if (read == null) {
                read = current.get();
            }
            read.filter(r -> r.matches(tag.group(2))).ifPresent(r -> versions.add(r.version()));
        }
        return new Precondition(Set.copyOf(versions), false, true);
    }

    /** The comma-separated elements of a list, commas inside quoted tags kept (etagc allows them). */
    private static java.util.List<String> elements(String value) {
        java.util.List<String> out = new java.util.ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(value.substring(start, i));
                start = i + 1;
            }
        }
        out.add(value.substring(start));
        return out.stream().filter(e -> !e.isBlank()).toList(); // RFC 9110, 5.6.1: empty elements do not count
    }

    /** Throws unless the stored record's version satisfies this condition; nothing has been changed yet. */
    void check(int current) {
        if (anyVersion) {
            return;
        }
        if (versions.isEmpty() && !fromIfMatch) {
            throw new InvalidInput(Map.of("version",
                    "Send the version you edited (the \u201cversion\u201d field or an If-Match header), so no one else's change is overwritten."));
        }
        if (!versions.contains(current)) {
            throw new StaleVersion(current, fromIfMatch);
        }
    }

}
