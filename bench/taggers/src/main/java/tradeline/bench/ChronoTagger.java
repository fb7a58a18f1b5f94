package tradeline.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Mention;
import tradeline.bench.Model.Period;

/**
 * chrono-node (JavaScript), run once over all articles by chrono/chrono-run.js. A point-in-time parser
 * (a range when it reports an end): scored strict and lenient like natty. Not a JVM library: a reference point.
 * NODE_PATH must point at a node_modules holding chrono-node (default /tmp/chrono/node_modules).
 */
final class ChronoTagger implements Tagger {
    private final List<Article> articles;
    private final Map<String, List<Mention>> results = new HashMap<>();
    private String version = "chrono-node (npm)";
    private double ms = -1;

    ChronoTagger(List<Article> articles) { this.articles = articles; }

    @Override public String name() { return "chrono-node (JS, reference)"; }
    @Override public String version() { return version; }
    @Override public boolean pointBased() { return true; }
    @Override public double selfTimedMsPerArticle() { return ms; }

    @Override public void init() throws Exception {
        ObjectMapper om = new ObjectMapper();
        ArrayNode in = om.createArrayNode();
        for (Article a : articles) {
            ObjectNode o = in.addObject();
            o.put("name", a.name());
            o.put("published", a.published().toString());
            o.put("text", a.text());
        }
        Path tmp = Files.createTempFile("chrono-in", ".json");
        Files.writeString(tmp, om.writeValueAsString(in), StandardCharsets.UTF_8);
        String nodePath = System.getenv().getOrDefault("NODE_PATH", "/tmp/chrono/node_modules");
        ProcessBuilder pb = new ProcessBuilder("node", Bench.BENCH_DIR.resolve("chrono/chrono-run.js").toString(), tmp.toString());
        pb.environment().put("NODE_PATH", nodePath);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("node chrono/chrono-run.js failed (is chrono-node installed under " + nodePath + "?)");
        }
        Files.deleteIfExists(tmp);
        JsonNode root = om.readTree(out);
        version = "npm chrono-node@" + root.get("version").asText();
        ms = root.get("msPerArticle").asDouble();
        root.get("results").fields().forEachRemaining(e -> {
            List<Mention> ms = new ArrayList<>();
            for (JsonNode r : e.getValue()) {
                LocalDate st = LocalDate.parse(r.get("start").asText());
                boolean hasEnd = r.hasNonNull("endDate");
                LocalDate en = hasEnd ? LocalDate.parse(r.get("endDate").asText()) : null;
                Period period = hasEnd ? new Period(st, en.isBefore(st) ? st : en) : null;
                List<LocalDate> pts = hasEnd ? List.of(st, en) : List.of(st);
                String raw = st + (hasEnd ? ".." + en : "") + (r.get("certainDay").asBoolean() ? "" : " (day implied)");
                ms.add(new Mention(r.get("index").asInt(), r.get("end").asInt(), r.get("text").asText(), raw, period, pts));
            }
            results.put(e.getKey(), ms);
        });
    }

    @Override public List<Mention> tag(Article a) { return results.getOrDefault(a.name(), List.of()); }
}
