package org.tradeline.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/** The exact bytes of one public response, with a strong ETag that changes exactly when they do. */
public record Representation(byte[] body, String mediaType, String etag, Instant lastModified) {

    public static Representation of(String text, String mediaType, Instant lastModified) {
        return of(text.getBytes(StandardCharsets.UTF_8), mediaType, lastModified);
    }

    public static Representation of(byte[] body, String mediaType, Instant lastModified) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
            return new Representation(body, mediaType, tag, lastModified == null ? null
                    : lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
