package org.tradeline.extract;

import java.time.LocalDate;

/**
 * A news article as the extractor reads it: its plain text (pasted HTML already reduced to
 * text) and what cites it as a source. {@code title}, {@code publisher} and {@code url} may be
 * null until the editor adds drafts, which need a title and a publisher.
 */
public record Article(String text, LocalDate published, String title, String publisher, String url) {
}
