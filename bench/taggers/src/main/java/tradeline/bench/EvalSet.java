package tradeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Statement;

/** Reads src/test/resources/extract/eval/*.yaml (format in docs/extraction.md) and locates every statement. */
final class EvalSet {
    private EvalSet() {}

    static List<Article> load(Path evalDir, Path factsDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(evalDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<Article> out = new ArrayList<>();
        for (Path f : files) out.add(read(f, factsDir));
        return out;
    }

    static Article read(Path file, Path factsDir) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode root = yaml.readTree(file.toFile());
        String name = file.getFileName().toString();
        String text;
        if (root.hasNonNull("text")) {
            text = root.get("text").asText();
        } else if (root.hasNonNull("textFile")) {
            text = Files.readString(factsDir.resolve(root.get("textFile").asText()), StandardCharsets.UTF_8);
        } else {
            throw new IOException(name + ": neither text nor textFile");
        }
        LocalDate published = LocalDate.parse(root.get("published").asText().trim());
        List<Statement> statements = new ArrayList<>();
        JsonNode list = root.get("statements");
        if (list != null) {
            int idx = 0;
            for (JsonNode st : list) {
                idx++;
                String expr = st.get("expression").asText();
                String ctx = st.hasNonNull("context") ? st.get("context").asText() : null;
                int[] span = locate(text, expr, ctx);
                if (span == null) {
                    System.err.printf("WARN %s #%d: cannot locate expression '%s' (context '%s')%n", name, idx, expr, ctx);
                    span = new int[] {-1, -1};
                }
                statements.add(new Statement(name, idx, expr, ctx,
                        LocalDate.parse(st.get("start").asText().trim()), LocalDate.parse(st.get("end").asText().trim()),
                        st.hasNonNull("tense") ? st.get("tense").asText() : "", span[0], span[1]));
            }
        }
        String title = root.hasNonNull("title") ? root.get("title").asText() : name;
        return new Article(name, title, published, text, statements);
    }

    /** [begin, end) of the expression, searched inside the context when there is one; whitespace-tolerant. */
    static int[] locate(String text, String expr, String ctx) {
        int base = 0;
        String hay = text;
        if (ctx != null) {
            int[] c = find(text, ctx, 0);
            if (c == null) return null;
            base = c[0];
            hay = text.substring(c[0], c[1]);
        }
        int[] e = find(hay, expr, 0);
        if (e == null) return null;
        return new int[] {base + e[0], base + e[1]};
    }

    private static int[] find(String hay, String needle, int from) {
        int i = hay.indexOf(needle, from);
        if (i >= 0) return new int[] {i, i + needle.length()};
        // tolerate line breaks / repeated spaces and case differences
        StringBuilder re = new StringBuilder();
        for (String part : needle.trim().split("\\s+")) {
            if (re.length() > 0) re.append("\\s+");
            re.append(Pattern.quote(part));
        }
        Matcher m = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(hay);
        return m.find(from) ? new int[] {m.start(), m.end()} : null;
    }
}
