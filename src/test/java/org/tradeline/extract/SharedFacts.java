package org.tradeline.extract;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's shared fact sheet and seed article live beside the repository, in
 * {@code ../shared/facts/} (TRADELINE_FACTS_DIR overrides): the seed article is not ours to
 * copy into the repository, so tests read it from there. Missing, the tests that need it are
 * skipped on a developer's machine and fail in CI (TRADELINE_REQUIRE_TOOLS=true).
 */
public final class SharedFacts {

    public static final String SEED_ARTICLE = "seed-article-bloomberg-2025-01-07.txt";
    public static final LocalDate SEED_PUBLISHED = LocalDate.of(2025, 1, 7);

    private SharedFacts() {
    }

    public static Optional<Path> dir() {
        String env = System.getenv("TRADELINE_FACTS_DIR");
        return Stream.of(env == null ? null : Path.of(env), Path.of("..", "shared", "facts"), Path.of("..", "..", "shared", "facts"),
                        Path.of("/work/shared/facts"))
                .filter(p -> p != null && Files.isRegularFile(p.resolve(SEED_ARTICLE)))
                .findFirst();
    }

    /** The text of a file of the fact sheet's folder; skips (or, in CI, fails) the test when it is not there. */
    public static String read(String name) {
        Optional<Path> dir = dir();
        if (dir.isEmpty()) {
            String message = "../shared/facts/" + name + " is missing (set TRADELINE_FACTS_DIR)";
            if ("true".equalsIgnoreCase(System.getenv("TRADELINE_REQUIRE_TOOLS"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            return Files.readString(dir.get().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String seedArticle() {
        return read(SEED_ARTICLE);
    }
}
