package org.tradeline.cache;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The exact bytes of one public response, with a strong ETag that changes exactly when they do,
 * and the same bytes gzip-encoded (with their own ETag, as RFC 9110 asks of a different
 * encoding). Small ones are kept in memory as Vert.x buffers that can be written any number of
 * times without a copy; large ones (full exports of big timelines) are written once, streaming,
 * to two files ({@code file}, {@code gzipFile}) that the HTTP layer sends with sendfile, so
 * neither building nor serving them needs the whole body in the heap. {@code filename}, when
 * set, makes the answer a download (Content-Disposition).
 */
public record Representation(long length, Gzipped gzipped, String mediaType, String etag, Instant lastModified,
        String filename, Buffer plain, String lastModifiedHttp, Path file, Path gzipFile, long fileBytes) {

    /** The gzip variant of an in-memory body, made on the first request that accepts it (a write's rebuild does not pay for it). */
    public static final class Gzipped {
        private final Buffer plain;
        private volatile Buffer buffer;

        Gzipped(Buffer plain) {
            this.plain = plain;
        }

        /** The gzip bytes when already made, else null. */
        Buffer ready() {
            return buffer;
        }

        /** The gzip bytes, made now if need be. */
        Buffer get() {
            Buffer b = buffer;
            if (b == null) {
                synchronized (this) {
                    b = buffer;
                    if (b == null) {
                        buffer = b = buffer(gzip(plain.getBytes()));
                    }
                }
            }
            return b;
        }
    }

    /** Above this size the gzip variant is not prepared in advance (the HTTP layer compresses on the fly). */
    static final int GZIP_LIMIT = 4 * 1024 * 1024;

    public static Representation of(String text, String mediaType, Instant lastModified, String filename) {
        return of(text.getBytes(StandardCharsets.UTF_8), mediaType, lastModified, filename);
    }

    public static Representation of(byte[] body, String mediaType, Instant lastModified, String filename) {
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Buffer plain = buffer(body);
        return new Representation(body.length, body.length <= GZIP_LIMIT ? new Gzipped(plain) : null, mediaType, etag(body),
                modified, filename, plain, http(modified), null, null, 0);
    }

    /** A body already compressed in its own format (a PNG): no gzip variant is made or offered. */
    public static Representation compressed(byte[] body, String mediaType, Instant lastModified) {
        Representation r = of(body, mediaType, lastModified, null);
        return new Representation(r.length(), null, mediaType, r.etag(), r.lastModified(), null, r.plain(), r.lastModifiedHttp(),
                null, null, 0);
    }

    /** Writes the body through {@code writer} into two new files in {@code dir}: plain and gzip. */
    public static Representation file(Path dir, String mediaType, Instant lastModified, String filename, BodyWriter writer)
            throws IOException {
        Files.createDirectories(dir);
        String name = UUID.randomUUID().toString();
        Path plain = dir.resolve(name + ".body");
        Path zipped = dir.resolve(name + ".gz");
        MessageDigest sha = sha256();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new Tee(
                new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(plain), 1 << 16), sha),
                new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(zipped), 1 << 16), 1 << 16)),
                StandardCharsets.UTF_8), 1 << 16)) {
            writer.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(plain);
            Files.deleteIfExists(zipped);
            throw e;
        }
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new Representation(0, null, mediaType, tag(sha.digest()), modified, filename, null, http(modified),
                plain, zipped, Files.size(plain) + Files.size(zipped));
    }

    /** Bytes held in (direct) memory, counting a quarter more for a gzip variant (a file-backed one holds none). */
    public long size() {
        return inFile() ? 0 : length + (gzipped == null ? 0 : length / 4);
    }

    public boolean inFile() {
        return file != null;
    }

    /**
     * Whether the body is compressed in its own format (made by {@link #compressed}: small, in memory,
     * without a gzip variant), so that the HTTP layer must not gzip it on the fly either.
     */
    public boolean precompressed() {
        return !inFile() && gzipped == null && length <= GZIP_LIMIT;
    }

    /** Whether a gzip variant exists to send. */
    public boolean hasGzip() {
        return gzipped != null || gzipFile != null;
    }

    private static String http(Instant modified) {
        return modified == null ? null : DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC));
    }

    public String gzipEtag() {
        return etag + "-gz";
    }

    public String contentDisposition() {
        return filename == null ? null : "attachment; filename=\"" + filename + "\"";
    }

    static String etag(byte[] body) {
        return tag(sha256().digest(body));
    }

    private static String tag(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes to two streams at once; closing it closes both. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            try (a; b) {
                flush();
            }
        }
    }

    private static Buffer buffer(byte[] bytes) {
        // Off the heap, so the socket write needs no copy; unreleasable, because Netty writes a
        // duplicate each time and must not free the shared bytes.
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes)));
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
