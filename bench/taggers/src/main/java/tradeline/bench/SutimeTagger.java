package tradeline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.AnnotationPipeline;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;
import edu.stanford.nlp.pipeline.TokenizerAnnotator;
import edu.stanford.nlp.pipeline.WordsToSentencesAnnotator;
import edu.stanford.nlp.time.SUTime;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeAnnotator;
import edu.stanford.nlp.time.TimeExpression;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;
import tradeline.bench.Model.Period;

/** SUTime (Stanford CoreNLP) over tokenize + ssplit + pos, document date = published. */
final class SutimeTagger implements Tagger {
    private final boolean pos;
    private AnnotationPipeline pipeline;

    SutimeTagger(boolean pos) { this.pos = pos; }

    @Override public String name() { return pos ? "SUTime" : "SUTime (no POS)"; }
    @Override public String version() { return "edu.stanford.nlp:stanford-corenlp:4.5.10 (+models)"; }

    @Override public void init() {
        Properties props = new Properties();
        props.setProperty("sutime.includeRange", "true");
        props.setProperty("sutime.markTimeRanges", "true");
        pipeline = new AnnotationPipeline();
        pipeline.addAnnotator(new TokenizerAnnotator(false));
        pipeline.addAnnotator(new WordsToSentencesAnnotator(false));
        if (pos) pipeline.addAnnotator(new POSTaggerAnnotator(false));
        pipeline.addAnnotator(new TimeAnnotator("sutime", props));
    }

    @Override public List<Mention> tag(Article a) {
        Annotation doc = new Annotation(a.text());
        doc.set(CoreAnnotations.DocDateAnnotation.class, a.published().toString());
        pipeline.annotate(doc);
        List<Mention> out = new ArrayList<>();
        List<CoreMap> timexes = doc.get(TimeAnnotations.TimexAnnotations.class);
        if (timexes == null) return out;
        for (CoreMap cm : timexes) {
            int b = cm.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int e = cm.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            Timex tx = cm.get(TimeAnnotations.TimexAnnotation.class);
            TimeExpression te = cm.get(TimeExpression.Annotation.class);
            SUTime.Temporal t = te == null ? null : te.getTemporal();
            String value = tx == null ? null : tx.value();
            String mod = t == null ? null : t.getMod();
            Period p = null;
            String raw = (tx == null ? "?" : tx.timexType()) + " " + value + (mod == null ? "" : " mod=" + mod);
            if (t instanceof SUTime.Range r) {
                Period pb = r.begin() == null ? null : Periods.toPeriod(r.begin().getTimexValue());
                Period pe = r.end() == null ? null : Periods.toPeriod(r.end().getTimexValue());
                if (pb != null && pe != null) p = new Period(pb.start(), pe.end());
                raw += " range=" + (r.begin() == null ? null : r.begin().getTimexValue()) + "/"
                        + (r.end() == null ? null : r.end().getTimexValue());
            } else {
                p = Periods.toPeriod(value, mod);
                if (value != null && value.matches("\\d{4}-(SP|SU|FA|WI)") && t != null) {
                    try {
                        SUTime.Range r = t.getRange();  // SUTime's own reading of the season, for the record
                        raw += " sutime-range=" + r.begin() + "/" + r.end();
                    } catch (RuntimeException ignored) { }
                }
            }
            out.add(new Mention(b, e, a.text().substring(b, e), raw.trim(), p));
        }
        return out;
    }
}
