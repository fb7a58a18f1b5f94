package tradeline.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import com.joestelmach.natty.DateGroup;
import com.joestelmach.natty.Parser;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;
import tradeline.bench.Model.Period;

/** natty: fed sentence by sentence (it is built for short inputs), reference date = published at noon UTC. */
final class NattyTagger implements Tagger {
    private Parser parser;

    @Override public String name() { return "natty"; }
    @Override public String version() { return "com.joestelmach:natty:0.13"; }
    @Override public boolean pointBased() { return true; }

    @Override public void init() { parser = new Parser(TimeZone.getTimeZone("UTC")); }

    @Override public List<Mention> tag(Article a) {
        List<Mention> out = new ArrayList<>();
        Date ref = Date.from(a.published().atTime(12, 0).toInstant(ZoneOffset.UTC));
        for (int[] s : Sentences.split(a.text())) {
            String sentence = a.text().substring(s[0], s[1]);
            List<DateGroup> groups;
            try {
                groups = parser.parse(sentence, ref);
            } catch (RuntimeException ex) {
                continue;
            }
            for (DateGroup g : groups) {
                int b = s[0] + g.getPosition() - 1; // natty's position is 1-based
                int e = b + g.getText().length();
                out.add(pointMention(b, e, g.getText(), g.getDates(), g.isRecurring()));
            }
        }
        return out;
    }

    static Mention pointMention(int b, int e, String text, List<Date> dates, boolean recurring) {
        List<LocalDate> pts = new ArrayList<>();
        for (Date d : dates) pts.add(d.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        Period p = pts.size() >= 2 ? new Period(pts.get(0), pts.get(pts.size() - 1)) : null;
        return new Mention(b, e, text, (recurring ? "recurring " : "") + pts, p, recurring ? List.of() : pts);
    }
}
