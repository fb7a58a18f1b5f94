package tradeline.bench;

import java.util.List;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;

/** One library under test. */
interface Tagger {
    /** Short name used in the table. */
    String name();

    /** Maven coordinates and version (or npm package). */
    String version();

    /** Loads models / rules. Throws when the library cannot be made to run here. */
    void init() throws Exception;

    /** All time expressions the library finds in the article's text, resolved against the published date. */
    List<Mention> tag(Article article) throws Exception;

    /** Point-in-time libraries are scored strict and lenient. */
    default boolean pointBased() { return false; }

    /** Libraries that only normalise a span they are given (no detection of their own). */
    default boolean givenSpans() { return false; }

    /** Milliseconds per article measured by the library itself (external processes), or -1. */
    default double selfTimedMsPerArticle() { return -1; }

    /** Anything to add to the status column after a run. */
    default String note() { return ""; }
}
