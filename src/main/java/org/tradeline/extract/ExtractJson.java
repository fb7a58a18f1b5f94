package org.tradeline.extract;

import java.time.LocalDate;
import java.util.List;
import org.tradeline.extract.text.ArticleExtractor.Extraction;
import org.tradeline.extract.text.Candidate;

/** The JSON of {@code POST /api/timelines/{slug}/extract}, mapped from the extractor's records in one place. */
final class ExtractJson {

    private ExtractJson() {
    }

    /** The request: the article's text (or, when fetching is on, its URL alone) and its publication date. */
    record Request(String text, String published, String title, String publisher, String url) {
    }

    /** The answer: the candidates in article order; {@code truncated} when the article held more than are listed. */
    record Response(String published, List<CandidateJson> candidates, boolean truncated) {
    }

    /**
     * One candidate. {@code date} and {@code endDate} are written at their precision (2025-01-06,
     * 2024-12, 2024) as the write API takes them; {@code quote} is the exact sentence from the text.
     */
    record CandidateJson(String date, String precision, String endDate, String expression, String quote, String tense,
            String headline, String category, List<String> actors, List<String> matches) {
    }

    static Response of(LocalDate published, Extraction x) {
        return new Response(published.toString(), x.candidates().stream().map(ExtractJson::candidate).toList(), x.truncated());
    }

    static CandidateJson candidate(Candidate c) {
        var p = c.period();
        return new CandidateJson(p.precision().iso(p.date()), p.precision().code(),
                p.endDate() == null ? null : p.precision().iso(p.endDate()), c.expression(), c.quote(), c.tense().code(),
                c.headline(), c.category() == null ? null : c.category().code(), c.actors(), c.matches());
    }
}
