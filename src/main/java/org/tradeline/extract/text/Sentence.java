package org.tradeline.extract.text;

/** One sentence of an article: its exact text and where it stands in the article's text. */
public record Sentence(int start, int end, String text) {
}
