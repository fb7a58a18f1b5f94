package tradeline.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

import com.zoho.hawking.HawkingTimeParser;
import com.zoho.hawking.datetimeparser.configuration.HawkingConfiguration;
import com.zoho.hawking.language.english.model.DateRange;
import com.zoho.hawking.language.english.model.DatesFound;
import com.zoho.hawking.language.english.model.ParserOutput;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;
import tradeline.bench.Model.Period;

/**
 * Zoho Hawking: CRF recogniser + rules, with tense prediction. Configured for Monday-Sunday weeks,
 * whole weeks, UTC; reference date = published at noon UTC. Fed sentence by sentence.
 */
final class HawkingTagger implements Tagger {
    private HawkingTimeParser parser;
    private HawkingConfiguration config;

    @Override public String name() { return "Hawking"; }
    @Override public String version() { return "com.zoho:hawking:0.1.9"; }

    @Override public void init() throws Exception {
        parser = new HawkingTimeParser();
        config = new HawkingConfiguration();
        config.setWeekStart(1);
        config.setWeekEnd(7);
        config.setWeekRange(1);
        config.setTimeZone("UTC");
    }

    @Override public List<Mention> tag(Article a) throws Exception {
        List<Mention> out = new ArrayList<>();
        Date ref = Date.from(a.published().atTime(12, 0).toInstant(ZoneOffset.UTC));
        for (int[] s : Sentences.split(a.text())) {
            String sentence = a.text().substring(s[0], s[1]);
            DatesFound found;
            try {
                found = parser.parse(sentence, ref, config, "eng");
            } catch (Exception | Error ex) {
                continue;
            }
            if (found == null || found.getParserOutputs() == null) continue;
            for (ParserOutput po : found.getParserOutputs()) {
                String text = po.getText();
                int rel = po.getParserStartIndex() == null ? -1 : po.getParserStartIndex();
                // locate the text in the sentence (the index Hawking reports is not always a char offset)
                int at = text == null ? -1 : sentence.indexOf(text, Math.max(0, Math.min(rel, sentence.length())));
                if (at < 0 && text != null) at = sentence.indexOf(text);
                if (at < 0) at = Math.max(0, rel);
                int b = s[0] + at;
                int e = Math.min(s[1], b + (text == null ? 0 : text.length()));
                DateRange r = po.getDateRange();
                Period p = null;
                String raw = po.getParserLabel() + " ";
                if (r != null && r.getStart() != null) {
                    DateTimeZone zone = zone(po.getTimezoneOffset());
                    LocalDate st = day(r.getStart().withZone(zone));
                    LocalDate en = r.getEnd() == null ? st : endDay(r.getEnd().withZone(zone));
                    if (en.isBefore(st)) en = st;
                    p = new Period(st, en);
                    raw += r.getStart() + " .. " + r.getEnd() + " tz=" + po.getTimezoneOffset();
                }
                out.add(new Mention(b, e, text, raw.trim(), p));
            }
        }
        return out;
    }

    /** Hawking reports instants in UTC plus the offset it used (it reads place names such as "Tokyo" as zones). */
    private static DateTimeZone zone(String offset) {
        try {
            return offset == null || offset.isBlank() ? DateTimeZone.UTC : DateTimeZone.forID(offset.trim());
        } catch (IllegalArgumentException e) {
            return DateTimeZone.UTC;
        }
    }

    private static LocalDate day(DateTime t) {
        return LocalDate.of(t.getYear(), t.getMonthOfYear(), t.getDayOfMonth());
    }

    /** An end at exactly midnight closes the previous day. */
    private static LocalDate endDay(DateTime t) {
        LocalDate d = day(t);
        return t.getMillisOfDay() == 0 ? d.minusDays(1) : d;
    }
}
