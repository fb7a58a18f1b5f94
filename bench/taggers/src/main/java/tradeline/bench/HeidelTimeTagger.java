package tradeline.bench;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import org.apache.uima.cas.FSIterator;
import org.apache.uima.jcas.JCas;
import org.apache.uima.jcas.tcas.Annotation;

import de.unihd.dbs.heideltime.standalone.Config;
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import de.unihd.dbs.uima.types.heideltime.Timex3;
import de.unihd.dbs.uima.types.heideltime.Token;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;

/**
 * HeidelTime standalone, English, NEWS document type, document creation time = published.
 * TreeTagger (its usual POS tagger) is not on Maven Central: we run it with POSTagger.NO (its own
 * all-languages tokenizer) and with the Stanford POS tagger model from the CoreNLP models jar.
 */
final class HeidelTimeTagger implements Tagger {
    private final POSTagger posTagger;
    private HeidelTimeStandalone heidelTime;

    HeidelTimeTagger(POSTagger posTagger) { this.posTagger = posTagger; }

    @Override public String name() {
        return posTagger == POSTagger.NO ? "HeidelTime (no POS)" : "HeidelTime (Stanford POS)";
    }
    @Override public String version() { return "com.github.heideltime:heideltime:2.2.1"; }

    @Override public void init() throws Exception {
        initConfigOnly();
        heidelTime = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, null, posTagger, false);
        // HeidelTimeStandalone swallows exceptions of its preprocessing (prints them, returns no TIMEX3):
        // check on a one-line document that tokens were made at all.
        int[] tokens = {0};
        heidelTime.process("He left on Monday.", new Date(), (JCas jcas) -> {
            tokens[0] = jcas.getAnnotationIndex(Token.type).size();
            return "";
        });
        if (tokens[0] == 0) {
            throw new IllegalStateException("HeidelTimeStandalone with POSTagger." + posTagger
                    + " made no tokens: its preprocessing threw (stack trace above)");
        }
    }

    /** HeidelTime standalone reads its settings from a static Config (normally config.props). */
    void initConfigOnly() {
        if (Config.isInitialized()) return;
        Properties p = new Properties();
        p.setProperty("considerDate", "true");
        p.setProperty("considerDuration", "true");
        p.setProperty("considerSet", "true");
        p.setProperty("considerTime", "true");
        p.setProperty("considerTemponym", "false");
        p.setProperty("treeTaggerHome", "/nonexistent/treetagger");
        p.setProperty("model_path", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
        p.setProperty("config_path", "");
        p.setProperty("typeSystemHome", "desc/type/HeidelTime_TypeSystem.xml");
        p.setProperty("typeSystemHome_DKPro", "desc/type/DKPro_TypeSystem.xml");
        p.setProperty("uimaVarDate", "Date");
        p.setProperty("uimaVarDuration", "Duration");
        p.setProperty("uimaVarLanguage", "Language");
        p.setProperty("uimaVarSet", "Set");
        p.setProperty("uimaVarTime", "Time");
        p.setProperty("uimaVarTemponym", "Temponym");
        p.setProperty("uimaVarTypeToProcess", "Type");
        Config.setProps(p);
    }

    @Override public List<Mention> tag(Article a) throws Exception {
        List<Mention> out = new ArrayList<>();
        Date dct = Date.from(a.published().atTime(12, 0).toInstant(ZoneOffset.UTC));
        heidelTime.process(a.text(), dct, (JCas jcas) -> {
            FSIterator<Annotation> it = jcas.getAnnotationIndex(Timex3.type).iterator();
            while (it.hasNext()) {
                Timex3 t = (Timex3) it.next();
                String value = t.getTimexValue();
                String mod = t.getTimexMod();
                String raw = t.getTimexType() + " " + value + (mod == null || mod.isEmpty() ? "" : " mod=" + mod);
                out.add(new Mention(t.getBegin(), t.getEnd(), t.getCoveredText(), raw,
                        Periods.toPeriod(value, mod)));
            }
            return "";
        });
        return out;
    }
}
