package org.tradeline.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tradeline.event.Limits;

/**
 * The one set of rules for an article submitted for extraction, for the form and the JSON API
 * alike. Each problem is keyed by its field ({@code text}, {@code published}, {@code title},
 * {@code publisher}, {@code url}) with a message an editor can act on.
 */
public final class ArticleRules {

    /** The longest text read: a long feature is 40,000 characters; more is a paste gone wrong. */
    public static final int MAX_TEXT = 100_000;

    private ArticleRules() {
    }

    /** The field values as typed (text as pasted, the date as text). */
    public record Input(String text, String published, String title, String publisher, String url) {
    }

    public record Checked(Article article, Map<String, String> errors, boolean tooLong) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param needText whether the text must be there (not when the article is about to be fetched)
     */
    public static Checked check(Input in, boolean needText) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean tooLong = false;
        String text = null;
        if (in.text() != null && in.text().length() > MAX_TEXT) {
            tooLong = true;
            errors.put("text", String.format(Locale.ROOT, "The text has %,d characters; paste at most %,d (one article).",
                    in.text().length(), MAX_TEXT));
        } else if (in.text() != null && !in.text().isBlank()) {
            text = clean(ArticlePage.text(in.text()));
            if (text.isBlank()) {
                errors.put("text", "The pasted text has no words in it: paste the article's text.");
            }
        } else if (needText) {
            errors.put("text", "Paste the article's text.");
        }
        LocalDate published = null;
        String date = trim(in.published());
        if (date == null) {
            errors.put("published", "Enter the date the article was published, as YYYY-MM-DD: every relative date counts from it.");
        } else if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            errors.put("published", "Write the date as YYYY-MM-DD, e.g. 2025-01-07.");
        } else {
            try {
                published = LocalDate.parse(date);
                if (published.getYear() < 1900 || published.isAfter(LocalDate.now().plusDays(2))) {
                    errors.put("published", "\u201c" + date + "\u201d cannot be an article's publication date.");
                    published = null;
                }
            } catch (DateTimeException e) {
                errors.put("published", "\u201c" + date + "\u201d is not a real date.");
            }
        }
        String title = field(errors, "title", in.title(), Limits.SOURCE_TITLE);
        String publisher = field(errors, "publisher", in.publisher(), Limits.PUBLISHER);
        String url = field(errors, "url", in.url(), Limits.URL);
        if (url != null && !errors.containsKey("url") && !webAddress(url)) {
            errors.put("url", "Enter a web address starting with http:// or https://.");
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors, tooLong);
        }
        return new Checked(new Article(text, published, title, publisher, url), Map.of(), false);
    }

    /** What the drafts need besides the text: a title and a publisher to cite. */
    public static Map<String, String> sourceProblems(Article a) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (a.title() == null) {
            errors.put("title", "Enter the article's title: every draft cites the article as its source.");
        }
        if (a.publisher() == null) {
            errors.put("publisher", "Enter the article's publisher: every draft cites the article as its source.");
        }
        return errors;
    }

    static boolean webAddress(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Control characters (other than line breaks and tabs) become spaces: they are no part of any article. */
    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0xfffe || c == 0xffff
                    || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                            && Character.isHighSurrogate(text.charAt(i - 1))) ? ' ' : c);
        }
        return b.toString();
    }

    private static String field(Map<String, String> errors, String key, String value, int max) {
        String v = trim(value);
        if (v == null) {
            return null;
        }
        if (v.length() > max) {
            errors.put(key, "Keep it to " + max + " characters (it has " + v.length() + ").");
        } else if (Limits.badCharacter(v) != null) {
            errors.put(key, Limits.badCharacter(v));
        }
        return v;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
