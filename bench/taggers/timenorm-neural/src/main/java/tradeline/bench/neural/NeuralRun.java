package tradeline.bench.neural;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.clulab.timenorm.scate.Interval;
import org.clulab.timenorm.scate.Intervals;
import org.clulab.timenorm.scate.SimpleInterval;
import org.clulab.timenorm.scate.TemporalNeuralParser;
import org.clulab.timenorm.scate.TimeExpression;

import scala.Option;
import scala.Tuple2;

/**
 * Runs TimeNorm's TemporalNeuralParser (finds and normalises time expressions itself) over
 * [{name, published, text}] read from args[0]; writes {msPerArticle, results: {name: [...]}} to args[1].
 * Each result: begin, end, text, type, and start/end (inclusive days) when the expression is an interval.
 */
public final class NeuralRun {
    private NeuralRun() {}

    static int failedSentences;
    static String lastError;

    static boolean tryParse(TemporalNeuralParser parser, String text, int b, int e, SimpleInterval anchor,
                            List<TimeExpression> found) {
        try {
            @SuppressWarnings("unchecked")
            Tuple2<Object, Object>[] one = new Tuple2[] {new Tuple2<>(b, e)};
            List<TimeExpression> got = new ArrayList<>();
            for (TimeExpression[] perSpan : parser.parseBatch(text, one, anchor)) got.addAll(List.of(perSpan));
            found.addAll(got);
            return true;
        } catch (Exception ex) {
            lastError = String.valueOf(ex.getMessage()).split("\n")[0];
            return false;
        }
    }

    /** Sentence spans inside [b, e): split after . ! ? followed by a space and a capital or a quote. */
    static List<int[]> sentences(String text, int b, int e) {
        List<int[]> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?<=[.!?][\"\u201d]?)\\s+(?=[\"\u201c(]?[A-Z])").matcher(text).region(b, e);
        int start = b;
        while (m.find()) {
            String before = text.substring(Math.max(b, m.start() - 6), m.start());
            if (before.matches(".*\\b(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Ms|Mrs|Dr|Corp|Inc|Co|St|U\\.S)\\.$")) continue;
            out.add(new int[] {start, m.start()});
            start = m.end();
        }
        if (start < e) out.add(new int[] {start, e});
        return out;
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper om = new ObjectMapper();
        JsonNode in = om.readTree(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        try (TemporalNeuralParser parser = new TemporalNeuralParser(TemporalNeuralParser.$lessinit$greater$default$1())) {
            Map<String, ArrayNode> results = new LinkedHashMap<>();
            // a single pass, timed (no separate warm-up: the network takes tens of seconds per article on CPU)
            long t0 = System.nanoTime();
            for (JsonNode a : in) results.put(a.get("name").asText(), run(parser, a, om));
            double best = (System.nanoTime() - t0) / 1e6 / Math.max(1, in.size());
            ObjectNode out = om.createObjectNode();
            out.put("version", "org.clulab:timenorm_2.12:1.0.4 (TemporalNeuralParser)");
            out.put("msPerArticle", best);
            out.put("failedSentences", failedSentences);
            ObjectNode res = out.putObject("results");
            results.forEach(res::set);
            Files.writeString(Path.of(args[1]), om.writeValueAsString(out), StandardCharsets.UTF_8);
        }
        System.exit(0);
    }

    static ArrayNode run(TemporalNeuralParser parser, JsonNode a, ObjectMapper om) {
        String text = a.get("text").asText();
        LocalDate pub = LocalDate.parse(a.get("published").asText());
        SimpleInterval anchor = SimpleInterval.of(pub.getYear(), pub.getMonthValue(), pub.getDayOfMonth());
        ArrayNode list = om.createArrayNode();
        // paragraphs as a batch (parse(text) runs the character RNN over the whole text as one sequence)
        List<Tuple2<Object, Object>> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int e = nl < 0 ? text.length() : nl;
            if (!text.substring(i, e).isBlank()) spans.add(new Tuple2<>(i, e));
            i = e + 1;
        }
        @SuppressWarnings("unchecked")
        Tuple2<Object, Object>[] arr = spans.toArray(new Tuple2[0]);
        List<TimeExpression> found = new ArrayList<>();
        int failed = 0;
        try {
            for (TimeExpression[] perSpan : parser.parseBatch(text, arr, anchor)) found.addAll(List.of(perSpan));
        } catch (Exception whole) {
            System.err.println("timenorm-neural: " + a.get("name").asText() + ": " + whole);
            // the normaliser throws on some inputs (e.g. "expected numeric Value, found fourth"):
            // retry paragraph by paragraph and drop only the paragraphs that throw
            found.clear();
            for (Tuple2<Object, Object> span : arr) {
                int pb = (Integer) span._1(), pe = (Integer) span._2();
                if (tryParse(parser, text, pb, pe, anchor, found)) continue;
                // then sentence by sentence inside that paragraph, dropping only the sentences that throw
                for (int[] sent : sentences(text, pb, pe)) {
                    if (!tryParse(parser, text, sent[0], sent[1], anchor, found)) {
                        failed++;
                        System.err.println("timenorm-neural: " + a.get("name").asText() + ": sentence at " + sent[0]
                                + " threw: " + lastError);
                    }
                }
            }
        }
        failedSentences += failed;
        System.err.println("timenorm-neural: " + a.get("name").asText() + ": " + found.size() + " expressions"
                + (failed > 0 ? ", " + failed + " sentence(s) threw" : ""));
        for (TimeExpression te : found) {
            try {
                describe(te, text, list);
            } catch (Exception ex) {
                // the library's objects can throw on access too (e.g. UnsupportedOperationException): skip that one
                System.err.println("timenorm-neural: " + a.get("name").asText() + ": skipped one expression: " + ex);
            }
        }
        return list;
    }

    static void describe(TimeExpression te, String text, ArrayNode list) {
            Option<Tuple2<Object, Object>> span = te.charSpan();
            if (span.isEmpty()) return;
            int b = (Integer) span.get()._1(), e = (Integer) span.get()._2();
            ObjectNode o = list.addObject();
            o.put("begin", b);
            o.put("end", e);
            o.put("text", text.substring(Math.max(0, b), Math.min(text.length(), e)));
            o.put("type", te.getClass().getSimpleName());
            List<Interval> ivs = new ArrayList<>();
            if (te instanceof Interval iv) {
                ivs.add(iv);
            } else if (te instanceof Intervals ivs0) {
                scala.collection.Iterator<Interval> it = ivs0.intervals().iterator();
                while (it.hasNext()) ivs.add(it.next());
            }
            boolean defined;
            try {
                defined = te.isDefined();
            } catch (Exception ex) {
                defined = false;
            }
            if (defined && ivs.size() == 1) {
                try {
                    LocalDateTime s = ivs.get(0).start(), en = ivs.get(0).end();
                    LocalDate sd = s.toLocalDate();
                    LocalDate ed = en.toLocalTime().toSecondOfDay() == 0 ? en.toLocalDate().minusDays(1) : en.toLocalDate();
                    o.put("start", sd.toString());
                    o.put("endDay", (ed.isBefore(sd) ? sd : ed).toString());
                    o.put("raw", s + "/" + en);
                } catch (Exception ex) {
                    o.put("raw", "undefined: " + ex.getClass().getSimpleName());
                }
            } else {
                o.put("raw", defined ? ivs.size() + " intervals" : "not defined (no anchor / partial)");
            }
        }
}
