package org.tradeline.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tradeline.extract.text.EvaluationSet.Loaded;
import org.tradeline.extract.text.EvaluationSet.Located;

/**
 * Scores the extractor on the evaluation set (docs/extraction.md, "Scores"): date accuracy is the
 * share of annotated statements listed as a candidate at their place with exactly the annotated
 * period; precision is the share of candidates that are annotated statements. Prints both, and
 * every miss, so a change that costs accuracy shows what it broke.
 */
class ExtractionEvaluationTest {

    static final double MIN_DATE_ACCURACY = 0.90;
    static final double MIN_PRECISION = 0.70;

    record Score(int statements, int right, int candidates, int annotated, List<String> misses) {
    }

    static Score score(Loaded doc) {
        List<Candidate> candidates = ArticleExtractor.extract(doc.text(), doc.article().published(), TimelineFacts.NONE).candidates();
        List<String> misses = new ArrayList<>();
        int right = 0;
        for (Located l : doc.statements()) {
            Candidate c = candidates.stream().filter(x -> overlaps(x, l)).findFirst().orElse(null);
            if (c != null && c.period().start().equals(l.statement().start()) && c.period().end().equals(l.statement().end())) {
                right++;
            } else {
                misses.add(String.format(Locale.ROOT, "  miss  %-28s want %s..%s (%s), got %s", "\u201c" + l.statement().expression() + "\u201d",
                        l.statement().start(), l.statement().end(), l.statement().tense(),
                        c == null ? "nothing" : c.period().start() + ".." + c.period().end() + " from \u201c" + c.expression() + "\u201d (" + c.tense().code() + ")"));
            }
        }
        int annotated = 0;
        for (Candidate c : candidates) {
            if (doc.statements().stream().anyMatch(l -> overlaps(c, l))) {
                annotated++;
            } else {
                misses.add("  extra \u201c" + c.expression() + "\u201d -> " + c.period().start() + ".." + c.period().end() + " in: " + c.quote());
            }
        }
        return new Score(doc.statements().size(), right, candidates.size(), annotated, misses);
    }

    static boolean overlaps(Candidate c, Located l) {
        int s = c.quoteStart() + c.expressionStart();
        int e = c.quoteStart() + c.expressionEnd();
        return s < l.end() && l.start() < e;
    }

    @Test
    void shouldResolveDatesOfTheEvaluationSetAboveTheBars() {
        List<Loaded> docs = new ArrayList<>(EvaluationSet.ownArticles());
        docs.add(EvaluationSet.seed());
        docs.addAll(EvaluationSet.heldOut());
        assertThat(docs).as("at least 8 own articles plus the seed").hasSizeGreaterThanOrEqualTo(9);
        int statements = 0;
        int right = 0;
        int candidates = 0;
        int annotated = 0;
        StringBuilder report = new StringBuilder("\nExtraction evaluation (docs/extraction.md):\n");
        for (Loaded doc : docs) {
            Score s = score(doc);
            statements += s.statements();
            right += s.right();
            candidates += s.candidates();
            annotated += s.annotated();
            report.append(String.format(Locale.ROOT, "%-40s statements %3d  right %3d  candidates %3d  annotated %3d%n", doc.name(),
                    s.statements(), s.right(), s.candidates(), s.annotated()));
            s.misses().forEach(m -> report.append(m).append('\n'));
        }
        double accuracy = (double) right / statements;
        double precision = candidates == 0 ? 0 : (double) annotated / candidates;
        report.append(String.format(Locale.ROOT, "date accuracy %.3f (%d of %d statements), precision %.3f (%d of %d candidates)%n",
                accuracy, right, statements, precision, annotated, candidates));
        System.out.println(report);
        assertThat(statements).as("annotated statements in all").isGreaterThanOrEqualTo(80);
        assertThat(accuracy).as("date accuracy").isGreaterThanOrEqualTo(MIN_DATE_ACCURACY);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(MIN_PRECISION);
    }
}
