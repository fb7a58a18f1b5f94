package org.tradeline.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of malformed request bodies: random bytes, and valid bodies mutated one to
 * four times (cut short, bytes flipped, ranges cut, repeated or replaced, and the characters that
 * break parsers inserted: lone or cut-off percent escapes, quotes, NULs, invalid UTF-8, brackets,
 * huge numbers), sent with the right content type or a wrong or broken one. The same seed gives
 * the same bodies, so a failure names the seed and the request number that reproduce it.
 */
final class Mutations {

    /** What a mutation inserts: the characters and sequences that break decoders and parsers. */
    static final List<byte[]> BREAKERS = List.of(
            bytes("%"), bytes("%%"), bytes("%E0%A4%A"), bytes("%zz"), bytes("%0"), bytes("%00"), bytes("%C3%28"),
            bytes("%ED%A0%80"), bytes("%FF%FE"), bytes("+"), bytes("&"), bytes("="), bytes("&&=&="), bytes("\""),
            bytes("'"), bytes("\\"), bytes("\\u0000"), bytes("\\ud800"), bytes("\\x"), new byte[] {0}, new byte[] {0, 0, 0},
            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF0, (byte) 0x9F}, bytes("\r\n"), bytes("\r\n\r\n"), bytes("--"), bytes("{"), bytes("}"),
            bytes("["), bytes("]"), bytes(","), bytes(":"), bytes("null"), bytes("99999999999999999999"), bytes("-1"),
            bytes("1e99999"), bytes("-0.0"), bytes("\u202e"), bytes("${7*7}"), bytes("<script>"), bytes("\t"),
            bytes("a".repeat(300)));

    /** Content types sent instead of the right one. */
    static final List<String> WRONG_TYPES = List.of("text/plain", "application/json", "application/x-www-form-urlencoded",
            "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"unclosed",
            "application/x-www-form-urlencoded; charset=nonsense", "application/x-www-form-urlencoded; charset=UTF-16",
            "application/json; charset=UTF-32", "application/json; charset=ISO-8859-1", "text/yaml", "text/csv",
            "application/octet-stream", "*/*", ";;;", "application/", "x", "");

    private final SplittableRandom random;

    Mutations(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A body for a route whose valid body is {@code valid}: mostly a mutation of it, sometimes random bytes. */
    byte[] body(byte[] valid) {
        return switch (random.nextInt(10)) {
            case 0 -> randomBytes();
            case 1 -> randomText();
            default -> mutate(valid);
        };
    }

    /** The content type to send: usually the right one; otherwise a wrong one or, for multipart, a broken boundary. */
    String contentType(String right) {
        int roll = random.nextInt(100);
        if (roll < 80 || right == null) {
            return right;
        }
        if (right.startsWith("multipart/") && roll < 92) {
            String[] broken = {"multipart/form-data", "multipart/form-data; boundary=other", "multipart/form-data; boundary=\"\"",
                "multipart/form-data; boundary=" + "b".repeat(200), "multipart/form-data; boundary=a b c",
                right.substring(0, right.length() - 3), right + "; boundary=second", "multipart/mixed" + right.substring(19)};
            return broken[random.nextInt(broken.length)];
        }
        return WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
    }

    byte[] mutate(byte[] valid) {
        byte[] b = valid;
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            b = mutateOnce(b);
        }
        return b;
    }

    private byte[] mutateOnce(byte[] b) {
        int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
        switch (random.nextInt(8)) {
            case 0: // cut short
                return slice(b, 0, at);
            case 1: { // flip a byte
                if (b.length == 0) {
                    return b;
                }
                byte[] c = b.clone();
                int i = random.nextInt(b.length);
                c[i] = (byte) (random.nextBoolean() ? c[i] ^ (1 << random.nextInt(8)) : random.nextInt(256));
                return c;
            }
            case 2: // cut a range
                return concat(slice(b, 0, at), slice(b, Math.min(b.length, at + 1 + random.nextInt(20)), b.length));
            case 3: { // repeat a range
                int end = Math.min(b.length, at + 1 + random.nextInt(40));
                return concat(slice(b, 0, end), slice(b, at, end), slice(b, end, b.length));
            }
            case 4: // replace a range with random bytes
                return concat(slice(b, 0, at), randomBytes(1 + random.nextInt(8)),
                        slice(b, Math.min(b.length, at + random.nextInt(8)), b.length));
            default: // insert a breaker
                return concat(slice(b, 0, at), BREAKERS.get(random.nextInt(BREAKERS.size())), slice(b, at, b.length));
        }
    }

    private byte[] randomBytes() {
        return randomBytes(random.nextInt(1500));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    /** Printable noise made of the characters parsers care about. */
    private byte[] randomText() {
        String alphabet = "{}[]\",:%&=+-_.~'\\/\r\n\t 0123456789abcdefxyzEe";
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(400); n > 0; n--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return bytes(s.toString());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, Math.min(from, b.length), Math.max(Math.min(to, b.length), Math.min(from, b.length)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
