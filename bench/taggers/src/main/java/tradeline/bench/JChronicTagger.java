package tradeline.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import com.mdimension.jchronic.Chronic;
import com.mdimension.jchronic.Options;
import com.mdimension.jchronic.utils.Span;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;
import tradeline.bench.Model.Period;
import tradeline.bench.Model.Statement;

/** jchronic (Java port of Ruby's Chronic) parses one expression, it finds none in running text: given the spans. */
final class JChronicTagger implements Tagger {
    @Override public String name() { return "jchronic (given the spans)"; }
    @Override public String version() { return "com.rubiconproject.oss:jchronic:0.2.8"; }
    @Override public boolean givenSpans() { return true; }
    @Override public void init() { }

    @Override public List<Mention> tag(Article a) {
        List<Mention> out = new ArrayList<>();
        for (Statement s : a.statements()) {
            if (s.begin() < 0) continue;
            String expr = s.expression().trim();
            String lower = expr.toLowerCase(Locale.ROOT);
            for (String p : TimeNormTagger.PREPS) {
                if (lower.startsWith(p)) { expr = expr.substring(p.length()); break; }
            }
            Calendar now = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            now.clear();
            now.set(a.published().getYear(), a.published().getMonthValue() - 1, a.published().getDayOfMonth(), 12, 0, 0);
            Options o = new Options(now, false);
            Period period = null;
            String raw;
            try {
                Span span = Chronic.parse(expr, o);
                if (span == null) {
                    raw = "no parse";
                } else {
                    LocalDate b = day(span.getBeginCalendar());
                    Calendar endC = span.getEndCalendar();
                    endC.add(Calendar.SECOND, -1);  // Chronic's end is exclusive
                    LocalDate e = day(endC);
                    if (e.isBefore(b)) e = b;
                    period = new Period(b, e);
                    raw = "span " + period;
                }
            } catch (RuntimeException ex) {
                raw = "error: " + ex;
            }
            out.add(new Mention(s.begin(), s.endOffset(), expr, raw, period));
        }
        return out;
    }

    private static LocalDate day(Calendar c) {
        return LocalDate.of(c.get(Calendar.YEAR), c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH));
    }
}
