package org.tradeline.extract;

import java.time.Duration;
import java.util.List;

/**
 * Why an article could not be fetched by its address, in a sentence written for the editor who
 * asked: it is shown next to the form's Article URL field and as the detail of an API problem.
 * Every message says what to do next; none carries technical detail.
 */
public class FetchRefused extends RuntimeException {

    private static final int MAX_QUOTED = 80;

    public FetchRefused(String message) {
        super(message);
    }

    public FetchRefused(String message, Throwable cause) {
        super(message, cause);
    }

    static FetchRefused off() {
        return new FetchRefused("Fetching articles by address is turned off here: paste the article’s text instead.");
    }

    static FetchRefused notAnAddress(String input) {
        return new FetchRefused(quote(input) + " is not a web address.");
    }

    static FetchRefused notHttp() {
        return new FetchRefused("Only http and https addresses can be fetched.");
    }

    static FetchRefused userInfo() {
        return new FetchRefused("Addresses with a user name or password in them cannot be fetched.");
    }

    static FetchRefused notAllowed(String host, List<String> allowed) {
        return new FetchRefused("Tradeline may not fetch from " + quote(host) + " (allowed: " + String.join(", ", allowed) + ").");
    }

    static FetchRefused redirectedTo(String where) {
        return new FetchRefused("The page redirected to " + quote(where) + ", which Tradeline may not fetch from.");
    }

    static FetchRefused tooManyRedirects() {
        return new FetchRefused("Too many redirects: paste the article’s text instead.");
    }

    static FetchRefused unknownHost(String host) {
        return new FetchRefused(quote(host) + " could not be found.");
    }

    static FetchRefused privateAddress(String host) {
        return new FetchRefused(quote(host) + " leads to a private network address, which Tradeline may not fetch from.");
    }

    static FetchRefused unreachable(String host) {
        return new FetchRefused(quote(host) + " could not be reached: try again later, or paste the article’s text.");
    }

    static FetchRefused brokenOff(String host, Throwable cause) {
        return new FetchRefused("The connection to " + quote(host) + " failed: try again later, or paste the article’s text.", cause);
    }

    static FetchRefused insecure(String host, Throwable cause) {
        return new FetchRefused("The secure connection to " + quote(host) + " could not be verified: paste the article’s text instead.", cause);
    }

    static FetchRefused timedOut(Duration limit) {
        return new FetchRefused("The page did not arrive within " + seconds(limit) + ".");
    }

    static FetchRefused tooLarge(int maxBytes) {
        return new FetchRefused("The page is larger than " + size(maxBytes) + ": paste the article’s text instead.");
    }

    static FetchRefused status(int status) {
        return new FetchRefused("The address answered " + status + ": check it, or paste the article’s text.");
    }

    static FetchRefused notAPage(String contentType) {
        return new FetchRefused("The address did not return a web page (it returned " + clip(contentType) + ").");
    }

    static FetchRefused failed(Throwable cause) {
        return new FetchRefused("The page could not be fetched: paste the article’s text instead.", cause);
    }

    /** The text in curly quotes, cut short and without control characters: it may come from anyone. */
    static String quote(String text) {
        return "“" + clip(text) + "”";
    }

    private static String clip(String text) {
        String head = text == null ? "" : text.substring(0, Math.min(text.length(), MAX_QUOTED * 2));
        String clean = head.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", " ").strip();
        return clean.length() > MAX_QUOTED ? clean.substring(0, MAX_QUOTED - 1) + "…" : clean;
    }

    private static String seconds(Duration limit) {
        long millis = limit.toMillis();
        if (millis % 1000 != 0) {
            return String.format(java.util.Locale.ROOT, "%.1f seconds", millis / 1000.0);
        }
        return millis == 1000 ? "1 second" : (millis / 1000) + " seconds";
    }

    private static String size(int bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
