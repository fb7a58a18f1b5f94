package org.tradeline.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code src/test/resources/hostile/corpus.tsv}: one hostile request a line, tab-separated.
 *
 * <p>Columns: {@code id, kind, group, as, method, target, headers, body, expect, absent, note}.
 * {@code -} means empty. In target, headers and body: {@code \r \n \t \\} and {@code \xHH} (a raw
 * byte, so invalid UTF-8 goes out exactly as written); headers are separated by {@code \n}. Directives:
 * <ul>
 * <li>{@code {{csrf}}} the CSRF token of the session the request is sent as; {@code {{token}}} the test's API token;</li>
 * <li>{@code {{repeat N text}}} text N times; {@code {{nest N}}} N nested JSON arrays; {@code {{nestobj N}}} N nested objects;</li>
 * <li>{@code {{file name}}} a file from {@code hostile/} (only {@code {{csrf}}} is replaced in it);</li>
 * <li>body {@code {{huge N}}}: N bytes announced and streamed; {@code {{huge-chunked N}}} the same without a length;</li>
 * <li>body starting {@code {{multipart}}}: the rest is {@code name=value&...} (percent-encoded values, or {@code @file})
 * sent as multipart/form-data.</li>
 * </ul>
 */
final class HostileCorpus {

    /** One request of the corpus. */
    record Case(int line, String id, String kind, String group, String as, String method, String target, String headers,
            String body, String expect, String absent, String note) {

        boolean expects(int status) {
            for (String alt : expect.split("\\|")) {
                if (alt.equals("closed")) {
                    continue;
                }
                if (alt.endsWith("xx") ? status / 100 == alt.charAt(0) - '0' : Integer.parseInt(alt) == status) {
                    return true;
                }
            }
            return false;
        }

        String displayName() {
            return id + " [" + kind + "] " + method + " " + abbreviate(target, 90) + " -> " + expect;
        }
    }

    /** What the directives need from the running test. */
    interface Context {
        String csrf(String as);

        String token();

        /** {@code {{csrf-anon}}}: an anonymous visitor's token; {@code {{self}}}: the signed-in account's number. */
        String value(String directive);
    }

    private static final Pattern DIRECTIVE = Pattern.compile("\\{\\{([a-z-]+)(?: ([0-9]+))?(?: ([^}]*))?}}");

    private HostileCorpus() {
    }

    static List<Case> load(String resource) {
        String text = new String(resource(resource), StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 9) {
                throw new IllegalStateException("corpus.tsv line " + (i + 1) + " has " + c.length + " columns, needs at least 9: " + line);
            }
            Case k = new Case(i + 1, c[0], c[1], c[2], c[3], c[4], c[5], dash(c[6]), dash(c[7]), c[8],
                    c.length > 9 ? dash(c[9]) : "", c.length > 10 ? dash(c[10]) : "");
            if (!ids.add(k.id())) {
                throw new IllegalStateException("corpus.tsv line " + (i + 1) + ": duplicate id " + k.id());
            }
            if (!Set.of("rejected", "read", "accepted").contains(k.group())) {
                throw new IllegalStateException("corpus.tsv line " + (i + 1) + ": unknown group " + k.group());
            }
            cases.add(k);
        }
        return cases;
    }

    private static String dash(String s) {
        return s.equals("-") ? "" : s;
    }

    static byte[] resource(String name) {
        try (InputStream in = HostileCorpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Expands directives and escapes into the bytes to send. */
    static byte[] expand(String s, String as, Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher m = DIRECTIVE.matcher(s);
        int at = 0;
        while (m.find()) {
            unescape(s.substring(at, m.start()), out);
            String name = m.group(1);
            int n = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            String arg = m.group(3) == null ? "" : m.group(3);
            switch (name) {
                case "csrf" -> out.writeBytes(ctx.csrf(as).getBytes(StandardCharsets.UTF_8));
                case "token" -> out.writeBytes(ctx.token().getBytes(StandardCharsets.UTF_8));
                case "csrf-anon", "self", "port" -> out.writeBytes(ctx.value(name).getBytes(StandardCharsets.UTF_8));
                case "repeat" -> {
                    ByteArrayOutputStream one = new ByteArrayOutputStream();
                    unescape(arg, one);
                    byte[] b = one.toByteArray();
                    for (int i = 0; i < n; i++) {
                        out.writeBytes(b);
                    }
                }
                case "nest" -> {
                    out.writeBytes("[".repeat(n).getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes("]".repeat(n).getBytes(StandardCharsets.US_ASCII));
                }
                case "nestobj" -> {
                    out.writeBytes("{\"a\":".repeat(n).getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes("1".getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes("}".repeat(n).getBytes(StandardCharsets.US_ASCII));
                }
                case "file" -> out.writeBytes(file(arg.strip(), as, ctx));
                default -> throw new IllegalStateException("unknown directive {{" + name + "}} in " + s);
            }
            at = m.end();
        }
        unescape(s.substring(at), out);
        return out.toByteArray();
    }

    static byte[] file(String name, String as, Context ctx) {
        String text = new String(resource("/hostile/" + name), StandardCharsets.ISO_8859_1);
        if (text.contains("{{csrf}}")) {
            text = text.replace("{{csrf}}", ctx.csrf(as));
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void unescape(String s, ByteArrayOutputStream out) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                plain.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> plain.append('\n');
                case 'r' -> plain.append('\r');
                case 't' -> plain.append('\t');
                case '\\' -> plain.append('\\');
                case 'x' -> {
                    out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
                    plain.setLength(0);
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> plain.append('\\').append(e);
            }
        }
        out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code name=value&...} list (values percent-encoded, or {@code @file}) as a multipart body. */
    static byte[] multipart(String fields, String boundary, String as, Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String pair : fields.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String raw = pair.substring(eq + 1);
            byte[] value;
            String filename = null;
            if (raw.startsWith("@")) {
                filename = raw.substring(1);
                value = file(filename, as, ctx);
            } else {
                value = URLDecoder.decode(raw, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
                if (value.length > 0 && new String(value, StandardCharsets.ISO_8859_1).equals("{{csrf}}")) {
                    value = ctx.csrf(as).getBytes(StandardCharsets.UTF_8);
                }
            }
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/csv") + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "\u2026" : s;
    }
}
