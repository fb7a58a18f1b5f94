package org.tradeline.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A body joined from pieces: its bytes are exactly head, pieces and separators, tail; its ETag
 * follows the bytes alone; and the next body reuses every run of the last one but the runs a
 * change falls in.
 */
class FragmentsTest {

    static final byte[] HEAD = "{\"events\":[".getBytes(StandardCharsets.UTF_8);
    static final byte[] SEP = {','};
    static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    static List<Fragments.Piece> pieces(int n, int seed) {
        Random random = new Random(seed);
        return new ArrayList<>(IntStream.range(0, n).mapToObj(i -> piece("event " + i + " " + "x".repeat(random.nextInt(900))))
                .toList());
    }

    static Fragments.Piece piece(String text) {
        return Fragments.Piece.of(("{\"headline\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static Fragments.Joined join(List<Fragments.Piece> pieces, Fragments.Runs before) {
        return Fragments.join(HEAD, pieces, SEP, TAIL, "application/json", null, before);
    }

    static byte[] expected(List<Fragments.Piece> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEAD);
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                out.writeBytes(SEP);
            }
            out.writeBytes(pieces.get(i).bytes());
        }
        out.writeBytes(TAIL);
        return out.toByteArray();
    }

    static byte[] body(Fragments.Joined joined) {
        return joined.representation().plain().getBytes();
    }

    @Test
    void shouldSendExactlyTheHeadThePiecesAndTheTail() {
        for (int n : new int[] {0, 1, 2, 31, 200, 2_000}) {
            List<Fragments.Piece> pieces = pieces(n, n);
            Fragments.Joined joined = join(pieces, Fragments.Runs.NONE);
            assertThat(body(joined)).as("%d pieces", n).isEqualTo(expected(pieces));
            assertThat(joined.representation().length()).isEqualTo(expected(pieces).length);
        }
    }

    @Test
    void shouldCutLongBodiesIntoRunsOfAboutThirtyPieces() {
        Fragments.Runs runs = join(pieces(2_000, 1), Fragments.Runs.NONE).runs();
        assertThat(runs.count()).isBetween(2_000 / 64, 2_000 / 16);
        assertThat(runs.bytes()).isEqualTo(expected(pieces(2_000, 1)).length - HEAD.length - TAIL.length - (runs.count() - 1));
    }

    @Test
    void shouldReuseEveryRunButTheOneAChangeFallsIn() {
        List<Fragments.Piece> pieces = pieces(2_000, 2);
        Fragments.Joined first = join(pieces, Fragments.Runs.NONE);
        String etag = first.representation().etag();

        List<Fragments.Piece> added = new ArrayList<>(pieces);
        added.add(1_000, piece("a new event"));
        Fragments.Joined second = next(added, first, "an insertion");

        List<Fragments.Piece> changed = new ArrayList<>(added);
        changed.set(10, piece("event 10, corrected"));
        Fragments.Joined third = next(changed, second, "a change");

        List<Fragments.Piece> removed = new ArrayList<>(changed);
        removed.remove(1_500);
        Fragments.Joined fourth = next(removed, third, "a removal");

        assertThat(join(pieces, fourth.runs()).representation().etag()).as("the same bytes, the same ETag").isEqualTo(etag);
        assertThat(List.of(second, third, fourth)).extracting(j -> j.representation().etag()).doesNotContain(etag)
                .doesNotHaveDuplicates();
    }

    /** The body after one change to the pieces of {@code before}: exact bytes, and one or two runs copied. */
    static Fragments.Joined next(List<Fragments.Piece> pieces, Fragments.Joined before, String change) {
        Fragments.Joined joined = join(pieces, before.runs());
        assertThat(body(joined)).isEqualTo(expected(pieces));
        assertThat(joined.runs().count() - joined.runs().sharedWith(before.runs())).as("runs copied after " + change)
                .isBetween(1, 2);
        return joined;
    }

    @Test
    void shouldGiveTheSameBytesAndETagWhateverRunsAreReused() {
        List<Fragments.Piece> pieces = pieces(500, 3);
        Fragments.Joined fresh = join(pieces, Fragments.Runs.NONE);
        List<Fragments.Piece> others = pieces(500, 4);
        Fragments.Joined fromOthers = join(pieces, join(others, Fragments.Runs.NONE).runs());
        Fragments.Joined fromItself = join(pieces, fresh.runs());
        assertThat(fromItself.runs().sharedWith(fresh.runs())).isEqualTo(fresh.runs().count());
        for (Fragments.Joined j : List.of(fromOthers, fromItself)) {
            assertThat(body(j)).isEqualTo(body(fresh));
            assertThat(j.representation().etag()).isEqualTo(fresh.representation().etag());
        }
    }
}
