package tradeline.bench;

import java.text.SimpleDateFormat;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;

import org.apache.uima.UIMAFramework;
import org.apache.uima.cas.FSIterator;
import org.apache.uima.jcas.JCas;
import org.apache.uima.jcas.tcas.Annotation;
import org.apache.uima.resource.metadata.TypeSystemDescription;
import org.apache.uima.util.XMLInputSource;

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.components.impl.JCasFactoryImpl;
import de.unihd.dbs.heideltime.standalone.components.impl.UimaContextImpl;
import de.unihd.dbs.uima.annotator.heideltime.HeidelTime;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import de.unihd.dbs.uima.types.heideltime.Dct;
import de.unihd.dbs.uima.types.heideltime.Sentence;
import de.unihd.dbs.uima.types.heideltime.Timex3;
import de.unihd.dbs.uima.types.heideltime.Token;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;

/**
 * HeidelTime's UIMA annotator fed with CoreNLP sentences, tokens and POS tags mapped to the TreeTagger
 * tag set its English rules expect (VV and VH for full verbs and "have", NP for proper nouns). This stands in
 * for the TreeTagger preprocessing we cannot install, since HeidelTime's own Stanford wrapper does not run
 * against CoreNLP 4.5 and its no-POS mode cannot tell the tense (its weekday and month rules need it).
 */
final class HeidelTimeCoreNlpTagger implements Tagger {
    private StanfordCoreNLP nlp;
    private HeidelTime heidelTime;
    private JCasFactoryImpl jcasFactory;

    @Override public String name() { return "HeidelTime (CoreNLP POS, our glue)"; }
    @Override public String version() { return "com.github.heideltime:heideltime:2.2.1 + corenlp 4.5.10 POS"; }

    @Override public void init() throws Exception {
        new HeidelTimeTagger(de.unihd.dbs.heideltime.standalone.POSTagger.NO).initConfigOnly();
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma");
        nlp = new StanfordCoreNLP(p);
        heidelTime = new HeidelTime();
        heidelTime.initialize(new UimaContextImpl(Language.ENGLISH, DocumentType.NEWS, false));
        TypeSystemDescription tsd = UIMAFramework.getXMLParser().parseTypeSystemDescription(new XMLInputSource(
                getClass().getClassLoader().getResource("desc/type/HeidelTime_TypeSystem.xml")));
        jcasFactory = new JCasFactoryImpl(new TypeSystemDescription[] {tsd});
    }

    @Override public List<Mention> tag(Article a) throws Exception {
        JCas jcas = jcasFactory.createJCas();
        jcas.setDocumentText(a.text());
        SimpleDateFormat f = new SimpleDateFormat("yyyy.MM.dd'T'HH:mm");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        Dct dct = new Dct(jcas);
        dct.setValue(f.format(Date.from(a.published().atTime(12, 0).toInstant(ZoneOffset.UTC))));
        dct.addToIndexes();

        edu.stanford.nlp.pipeline.Annotation doc = new edu.stanford.nlp.pipeline.Annotation(a.text());
        nlp.annotate(doc);
        int sid = 0, tid = 0;
        for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            Sentence sentence = new Sentence(jcas, s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
            sentence.setSentenceId(sid);
            sentence.addToIndexes();
            for (CoreLabel t : s.get(CoreAnnotations.TokensAnnotation.class)) {
                Token token = new Token(jcas, t.beginPosition(), t.endPosition());
                token.setPos(treeTaggerTag(t.tag(), t.lemma()));
                token.setTokenId(tid++);
                token.setSentId(sid);
                token.addToIndexes();
            }
            sid++;
        }
        heidelTime.process(jcas);
        List<Mention> out = new ArrayList<>();
        FSIterator<Annotation> it = jcas.getAnnotationIndex(Timex3.type).iterator();
        while (it.hasNext()) {
            Timex3 t = (Timex3) it.next();
            String value = t.getTimexValue();
            String mod = t.getTimexMod();
            String raw = t.getTimexType() + " " + value + (mod == null || mod.isEmpty() ? "" : " mod=" + mod);
            out.add(new Mention(t.getBegin(), t.getEnd(), t.getCoveredText(), raw, Periods.toPeriod(value, mod)));
        }
        return out;
    }

    /** Penn Treebank tag (CoreNLP) to the TreeTagger English tag set. */
    static String treeTaggerTag(String penn, String lemma) {
        if (penn == null) return "";
        if (penn.startsWith("VB")) {
            String suffix = penn.substring(2);
            if ("be".equalsIgnoreCase(lemma)) return penn;
            if ("have".equalsIgnoreCase(lemma)) return "VH" + suffix;
            return "VV" + suffix;
        }
        return switch (penn) {
            case "NNP" -> "NP";
            case "NNPS" -> "NPS";
            case "." -> "SENT";
            default -> penn;
        };
    }
}
