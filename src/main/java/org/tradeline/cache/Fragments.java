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
import java.util.List;

/**
 * A body made of pieces that are built once and shared: a head, pieces joined by a separator, a
 * tail. Joining copies no piece (the body is a composite of the pieces' off-heap buffers, written
 * to the socket with gathering writes) and hashes no piece again: the strong ETag is the SHA-256 of
 * the head, each piece's own SHA-256 (taken once, when the piece was made) and the tail, so it
 * changes exactly when the bytes do. A write to one event of a long timeline thus costs that
 * event's piece, not the whole body.
 */
public final class Fragments {

    private Fragments() {
    }

    /** One piece: its bytes off the heap (never released: every body that includes it shares them; freed by the GC once unreachable) and its SHA-256. */
    public record Piece(ByteBuf bytes, byte[] digest) {

        public static Piece of(byte[] body) {
            return new Piece(direct(body), sha256().digest(body));
        }

        public int length() {
            return bytes.readableBytes();
        }
    }

    /** {@code head + pieces joined by separator + tail} as a cacheable representation. */
    public static Representation join(byte[] head, List<Piece> pieces, byte[] separator, byte[] tail, String mediaType,
            Instant lastModified) {
        CompositeByteBuf body = Unpooled.compositeBuffer(Math.max(2, pieces.size() * 2 + 2));
        ByteBuf sep = direct(separator);
        body.addComponent(true, direct(head)); // all parts direct, or Netty would copy the whole body to send it
        MessageDigest sha = sha256();
        sha.update(ByteBuffer.allocate(8).putInt(head.length).putInt(pieces.size()).array());
        sha.update(head);
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                body.addComponent(true, sep.duplicate());
            }
            Piece p = pieces.get(i);
            body.addComponent(true, p.bytes().duplicate());
            sha.update(p.digest());
        }
        body.addComponent(true, direct(tail));
        sha.update(separator);
        sha.update(tail);
        int length = body.readableBytes();
        Buffer plain = Buffer.buffer(Unpooled.unreleasableBuffer(body));
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 27);
        return new Representation(length, length <= Representation.GZIP_LIMIT ? new Representation.Gzipped(plain) : null,
                mediaType, tag, modified, null, plain,
                modified == null ? null : DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC)),
                null, null, 0);
    }

    /**
     * The bytes in a JDK direct buffer, wrapped for Netty. Netty never frees a wrapped buffer, and the
     * JDK frees it when the garbage collector finds it unreachable, so a piece lives exactly as long as
     * something (a kept fragment, a cached body, a response being sent) refers to it. Netty's own
     * direct buffers would not do here: without a cleaner they are freed only by release(), which a
     * piece shared by many bodies must never get, so every replaced piece would leak.
     */
    private static ByteBuf direct(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
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
