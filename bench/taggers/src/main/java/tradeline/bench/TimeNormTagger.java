package tradeline.bench;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import info.bethard.timenorm.Temporal;
import info.bethard.timenorm.TemporalExpressionParser;
import info.bethard.timenorm.TimeSpan;
import scala.util.Try;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;
import tradeline.bench.Model.Period;
import tradeline.bench.Model.Statement;

/**
 * TimeNorm's synchronous-CFG parser normalises an expression it is given; it finds no spans by itself.
 * We give it the annotated expressions (leading prepositions stripped, as TIMEX3 spans exclude them)
 * with the published date as anchor: its column measures normalisation alone.
 */
final class TimeNormTagger implements Tagger {
    private TemporalExpressionParser parser;

    @Override public String name() { return "TimeNorm (given the spans)"; }
    @Override public String version() { return "info.bethard:timenorm:0.9.5"; }
    @Override public boolean givenSpans() { return true; }

    @Override public void init() { parser = TemporalExpressionParser.en(); }

    static final String[] PREPS = {"earlier on ", "later on ", "as of ", "on ", "in ", "by ", "at ", "since ", "until ",
            "till ", "from ", "during ", "before ", "after ", "through ", "within ", "for ", "of ", "over "};

    @Override public List<Mention> tag(Article a) {
        List<Mention> out = new ArrayList<>();
        TimeSpan anchor = TimeSpan.of(a.published().getYear(), a.published().getMonthValue(), a.published().getDayOfMonth());
        for (Statement s : a.statements()) {
            if (s.begin() < 0) continue;
            String expr = s.expression().trim();
            String lower = expr.toLowerCase(Locale.ROOT);
            for (String p : PREPS) {
                if (lower.startsWith(p)) { expr = expr.substring(p.length()); break; }
            }
            String raw;
            Period period = null;
            try {
                Try<Temporal> t = parser.parse(expr, anchor);
                if (t.isSuccess()) {
                    Temporal temporal = t.get();
                    raw = temporal.getClass().getSimpleName() + " " + temporal.timeMLValue();
                    if (temporal instanceof TimeSpan ts) {
                        period = spanPeriod(ts);
                    } else {
                        period = Periods.toPeriod(temporal.timeMLValue());
                    }
                } else {
                    raw = "parse failed: " + t.failed().get().getMessage();
                }
            } catch (RuntimeException ex) {
                raw = "error: " + ex;
            }
            out.add(new Mention(s.begin(), s.endOffset(), expr, raw, period));
        }
        return out;
    }

    private static Period spanPeriod(TimeSpan ts) {
        ZonedDateTime st = ts.start(), en = ts.end();
        if (st.equals(TimeSpan.unspecifiedStart()) || en.equals(TimeSpan.unspecifiedEnd())) return null;
        LocalDate s = st.toLocalDate();
        LocalDate e = en.toLocalTime().toSecondOfDay() == 0 ? en.toLocalDate().minusDays(1) : en.toLocalDate();
        if (e.isBefore(s)) e = s;
        return new Period(s, e);
    }
}
