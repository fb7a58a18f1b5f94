package org.tradeline.cache;

import java.io.IOException;
import java.io.Writer;

/** Writes a response body as text, piece by piece, so a large one never has to be held in memory whole. */
@FunctionalInterface
public interface BodyWriter {

    void write(Writer out) throws IOException;

    /** The whole body as one string (for small bodies and tests). */
    static String text(BodyWriter writer) {
        java.io.StringWriter out = new java.io.StringWriter(16_384);
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
