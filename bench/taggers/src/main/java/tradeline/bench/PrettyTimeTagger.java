package tradeline.bench;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.ocpsoft.prettytime.nlp.PrettyTimeParser;
import org.ocpsoft.prettytime.nlp.parse.DateGroup;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;

/**
 * prettytime-nlp wraps a shaded natty. parseSyntax() gives positions but only against "now";
 * parse(text, reference) gives dates against the reference but no positions: we pair them in order.
 */
final class PrettyTimeTagger implements Tagger {
    private PrettyTimeParser parser;

    @Override public String name() { return "prettytime-nlp"; }
    @Override public String version() { return "org.ocpsoft.prettytime:prettytime-nlp:5.0.9.Final"; }
    @Override public boolean pointBased() { return true; }

    @Override public void init() { parser = new PrettyTimeParser(TimeZone.getTimeZone("UTC")); }

    @Override public List<Mention> tag(Article a) {
        List<Mention> out = new ArrayList<>();
        Date ref = Date.from(a.published().atTime(12, 0).toInstant(ZoneOffset.UTC));
        for (int[] s : Sentences.split(a.text())) {
            String sentence = a.text().substring(s[0], s[1]);
            List<DateGroup> groups;
            List<Date> dates;
            try {
                groups = parser.parseSyntax(sentence);
                dates = parser.parse(sentence, ref);
            } catch (RuntimeException ex) {
                continue;
            }
            int di = 0;
            for (DateGroup g : groups) {
                int n = g.getDates().size();
                List<Date> mine = new ArrayList<>();
                for (int k = 0; k < n && di < dates.size(); k++) mine.add(dates.get(di++));
                int b = s[0] + g.getPosition() - 1; // 1-based, as in natty
                out.add(NattyTagger.pointMention(b, b + g.getText().length(), g.getText(), mine, g.isRecurring()));
            }
        }
        return out;
    }
}
