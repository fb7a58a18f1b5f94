package org.tradeline.extract;

import java.time.LocalDate;

/**
 * An article as read from a web page: its main text (paragraphs separated by a blank line) and
 * what the page says about itself. {@code title}, {@code publisher} and {@code published} are null
 * when the page does not say; {@code url} is the address the page was finally read from.
 */
public record FetchedArticle(String url, String text, String title, String publisher, LocalDate published) {
}
