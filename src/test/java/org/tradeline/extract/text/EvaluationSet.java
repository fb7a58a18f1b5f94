package org.tradeline.extract.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tradeline.extract.SharedFacts;

/**
 * The evaluation set: annotated news-style articles ({@code src/test/resources/extract/eval},
 * format in docs/extraction.md) and the seed article, whose text is read from ../shared/facts.
 */
final class EvaluationSet {

    static final Path DIR = Path.of("src/test/resources/extract/eval");
    /** Articles written after the rules were frozen, by someone who had not seen them: the honest figure. */
    static final Path HELD_OUT = Path.of("src/test/resources/extract/heldout");

    record Statement(String expression, String context, LocalDate start, LocalDate end, String tense) {
    }

    record Article(String title, String publisher, LocalDate published, String text, String textFile, List<Statement> statements) {
    }

    /** An article with its text and the place of each annotated expression in it. */
    record Loaded(String name, Article article, String text, List<Located> statements) {
    }

    record Located(Statement statement, int start, int end) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private EvaluationSet() {
    }

    /** The articles written for the project (their text in the file). */
    static List<Loaded> ownArticles() {
        return articles(DIR);
    }

    static List<Loaded> heldOut() {
        return articles(HELD_OUT);
    }

    private static List<Loaded> articles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("[a-z]?\\d\\d?-.*\\.yaml")).sorted().map(EvaluationSet::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed article (text from ../shared/facts; the test is skipped, or fails in CI, without it). */
    static Loaded seed() {
        return load(DIR.resolve("seed-article.annotations.yaml"));
    }

    static Loaded load(Path file) {
        try {
            Article a = YAML.readValue(file.toFile(), Article.class);
            String text = a.text() != null ? a.text() : SharedFacts.read(a.textFile());
            List<Located> located = new ArrayList<>();
            for (Statement s : a.statements()) {
                String context = s.context() != null ? s.context() : s.expression();
                int c = text.indexOf(context);
                if (c < 0 || text.indexOf(context, c + 1) >= 0) {
                    throw new IllegalStateException(file + ": \u201c" + context + "\u201d must occur exactly once in the text");
                }
                int e = text.indexOf(s.expression(), c);
                if (e < 0 || e + s.expression().length() > c + context.length()) {
                    throw new IllegalStateException(file + ": \u201c" + s.expression() + "\u201d is not inside its context");
                }
                located.add(new Located(s, e, e + s.expression().length()));
            }
            return new Loaded(file.getFileName().toString(), a, text, located);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
