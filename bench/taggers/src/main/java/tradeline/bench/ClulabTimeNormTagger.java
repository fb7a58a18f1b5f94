package tradeline.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;
import tradeline.bench.Model.Period;

/**
 * TimeNorm's neural parser (org.clulab:timenorm_2.12, TensorFlow 1.12): it finds spans itself. Scala 2.12
 * clashes with the Scala 2.11 of info.bethard:timenorm, so it runs in its own Maven project
 * (timenorm-neural/) as a child process, over all articles at once.
 */
final class ClulabTimeNormTagger implements Tagger {
    private final List<Article> articles;
    private final Map<String, List<Mention>> results = new HashMap<>();
    private String version = "org.clulab:timenorm_2.12:1.0.4";
    private double ms = -1;
    int failedSentences;

    ClulabTimeNormTagger(List<Article> articles) { this.articles = articles; }

    @Override public String name() { return "TimeNorm-neural (finds spans)"; }
    @Override public String version() { return version; }
    @Override public double selfTimedMsPerArticle() { return ms; }
    @Override public String note() {
        return failedSentences == 0 ? "" : failedSentences + " sentence(s) threw inside the library (skipped)";
    }

    @Override public void init() throws Exception {
        ObjectMapper om = new ObjectMapper();
        ArrayNode in = om.createArrayNode();
        for (Article a : articles) {
            ObjectNode o = in.addObject();
            o.put("name", a.name());
            o.put("published", a.published().toString());
            o.put("text", a.text());
        }
        Path tmpIn = Files.createTempFile("neural-in", ".json");
        Path tmpOut = Files.createTempFile("neural-out", ".json");
        Files.writeString(tmpIn, om.writeValueAsString(in), StandardCharsets.UTF_8);
        String mvn = System.getProperty("bench.mvn", "mvn");
        ProcessBuilder pb = new ProcessBuilder(mvn, "-B", "-q", "-f", Bench.BENCH_DIR.resolve("timenorm-neural/pom.xml").toString(), "compile", "exec:java",
                "-Dexec.args=" + tmpIn + " " + tmpOut);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        if (p.waitFor() != 0) throw new IllegalStateException("timenorm-neural run failed (exit " + p.exitValue() + ")");
        JsonNode root = om.readTree(Files.readString(tmpOut, StandardCharsets.UTF_8));
        Files.deleteIfExists(tmpIn);
        Files.deleteIfExists(tmpOut);
        version = root.get("version").asText();
        ms = root.get("msPerArticle").asDouble();
        failedSentences = root.path("failedSentences").asInt(0);
        root.get("results").fields().forEachRemaining(e -> {
            List<Mention> list = new ArrayList<>();
            for (JsonNode r : e.getValue()) {
                Period period = r.hasNonNull("start")
                        ? new Period(LocalDate.parse(r.get("start").asText()), LocalDate.parse(r.get("endDay").asText()))
                        : null;
                list.add(new Mention(r.get("begin").asInt(), r.get("end").asInt(), r.get("text").asText(),
                        r.get("type").asText() + " " + r.path("raw").asText(""), period));
            }
            results.put(e.getKey(), list);
        });
    }

    @Override public List<Mention> tag(Article a) { return results.getOrDefault(a.name(), List.of()); }
}
