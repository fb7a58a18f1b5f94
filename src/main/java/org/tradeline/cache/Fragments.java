package org.tradeline.cache;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A body made of pieces that are built once and shared: a head, pieces joined by a separator, a
 * tail. The strong ETag is the SHA-256 of the head, each piece's own SHA-256 (taken once, when the
 * piece was made) and the tail, so it changes exactly when the bytes do and no piece is hashed again.
 *
 * <p>The bytes are sent from off-heap <em>runs</em>: consecutive pieces copied, with their
 * separators, into one direct buffer of about 30 pieces. A body of 2,000 pieces is then about 70
 * buffers, not 4,000, which is what the socket write walks (Netty makes two {@code ByteBuffer}
 * views of every buffer of a body it sends). A run ends after a piece whose digest's first byte
 * ends in five ones (or at 128 pieces or 64 KB), so where runs end depends on the pieces around,
 * not on their position: a piece added, changed or removed changes the run it is in, and the next
 * body reuses every other run of the last one ({@link Runs}). A write to one event of a long
 * timeline thus costs that event's piece and one run of copying, not the whole body.
 */
public final class Fragments {

    /** A run ends after a piece whose digest's first byte has these bits set: one piece in 32. */
    static final int BOUNDARY_BITS = 0x1f;
    static final int MAX_RUN_PIECES = 128;
    static final int MAX_RUN_BYTES = 64 * 1024;

    private Fragments() {
    }

    /** One piece: its bytes (never changed once made) and their SHA-256. */
    public record Piece(byte[] bytes, byte[] digest) {

        public static Piece of(byte[] body) {
            return new Piece(body, sha256().digest(body));
        }

        public int length() {
            return bytes.length;
        }

        boolean endsRun() {
            return (digest[0] & BOUNDARY_BITS) == BOUNDARY_BITS;
        }
    }

    /** Consecutive pieces and the separators between them, copied off the heap once. */
    private record Run(Piece[] members, ByteBuf bytes) {

        boolean holds(List<Piece> pieces, int from, int to) {
            if (members.length != to - from) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (members[i - from] != pieces.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The runs one body was sent from, by their first piece (by identity), for the next body made of
     * mostly the same pieces. Immutable once made.
     */
    public static final class Runs {

        public static final Runs NONE = new Runs(Map.of(), 0);

        private final Map<Piece, Run> byFirst;
        private final long bytes;

        private Runs(Map<Piece, Run> byFirst, long bytes) {
            this.byFirst = byFirst;
            this.bytes = bytes;
        }

        /** Off-heap bytes the runs hold. */
        public long bytes() {
            return bytes;
        }

        /** How many runs (for tests). */
        int count() {
            return byFirst.size();
        }

        /** How many of these runs are the very ones of {@code other} (for tests). */
        int sharedWith(Runs other) {
            return (int) byFirst.values().stream().filter(r -> other.byFirst.get(r.members()[0]) == r).count();
        }
    }

    /** A body and the runs it is sent from. */
    public record Joined(Representation representation, Runs runs) {
    }

    /**
     * {@code head + pieces joined by separator + tail} as a cacheable representation, reusing the
     * runs of {@code before} (the last body of the same address) whose pieces are unchanged.
     */
    public static Joined join(byte[] head, List<Piece> pieces, byte[] separator, byte[] tail, String mediaType,
            Instant lastModified, Runs before) {
        MessageDigest sha = sha256();
        sha.update(ByteBuffer.allocate(8).putInt(head.length).putInt(pieces.size()).array());
        sha.update(head);
        Map<Piece, Run> runs = new IdentityHashMap<>();
        long runBytes = 0;
        CompositeByteBuf body = Unpooled.compositeBuffer(Integer.MAX_VALUE); // never consolidated (copied) by Netty
        ByteBuf sep = direct(separator);
        body.addComponent(true, direct(head)); // all parts direct, or Netty would copy the whole body to send it
        int from = 0;
        int bytes = 0;
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            sha.update(p.digest());
            bytes += p.length() + (i > from ? separator.length : 0);
            boolean last = i == pieces.size() - 1;
            if (last || p.endsRun() || i + 1 - from == MAX_RUN_PIECES || bytes >= MAX_RUN_BYTES) {
                Run run = before.byFirst.get(pieces.get(from));
                if (run == null || !run.holds(pieces, from, i + 1)) {
                    run = copy(pieces, from, i + 1, separator, bytes);
                }
                runs.put(run.members()[0], run);
                runBytes += run.bytes().readableBytes();
                if (from > 0) {
                    body.addComponent(true, sep.duplicate());
                }
                body.addComponent(true, run.bytes().duplicate());
                from = i + 1;
                bytes = 0;
            }
        }
        body.addComponent(true, direct(tail));
        sha.update(separator);
        sha.update(tail);
        int length = body.readableBytes();
        Buffer plain = Buffer.buffer(Unpooled.unreleasableBuffer(body));
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 27);
        Representation r = new Representation(length,
                length <= Representation.GZIP_LIMIT ? new Representation.Gzipped(plain) : null, mediaType, tag, modified, null,
                plain, modified == null ? null : DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC)),
                null, null, 0);
        return new Joined(r, new Runs(runs, runBytes));
    }

    private static Run copy(List<Piece> pieces, int from, int to, byte[] separator, int bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes);
        for (int i = from; i < to; i++) {
            if (i > from) {
                buffer.put(separator);
            }
            buffer.put(pieces.get(i).bytes());
        }
        return new Run(pieces.subList(from, to).toArray(Piece[]::new), wrap(buffer.flip()));
    }

    private static ByteBuf direct(byte[] bytes) {
        return wrap(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip());
    }

    /**
     * A JDK direct buffer wrapped for Netty. Netty never frees a wrapped buffer, and the JDK frees it
     * when the garbage collector finds it unreachable, so a run lives exactly as long as something (a
     * kept body, the next join's {@link Runs}, a response being sent) refers to it. Netty's own direct
     * buffers would not do here: without a cleaner they are freed only by release(), which a run
     * shared by many bodies must never get, so every replaced run would leak.
     */
    private static ByteBuf wrap(ByteBuffer buffer) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(buffer));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
