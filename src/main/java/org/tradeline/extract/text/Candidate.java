package org.tradeline.extract.text;

import java.util.List;
import org.tradeline.event.Category;

/**
 * One dated statement found in an article: the period its date expression resolves to, the
 * sentence it came from ({@code quote}, exactly as in the text, with the expression at
 * {@code expressionStart}–{@code expressionEnd} inside it), the tense that placed it, and the
 * suggestions for the draft: headline, category, actors, and the timeline's events it may repeat.
 */
public record Candidate(Period period, String expression, String quote, int quoteStart, int expressionStart, int expressionEnd,
        Tense tense, String headline, Category category, List<String> actors, List<String> matches) {

    /** The quote before the expression, the expression, and the rest: for marking it on a page. */
    public String before() {
        return quote.substring(0, expressionStart);
    }

    public String after() {
        return quote.substring(expressionEnd);
    }
}
