package org.tradeline.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately dumb HTTP/1.1 client over a socket: it sends exactly the bytes it is given (bad
 * request lines, raw invalid UTF-8, duplicate or huge headers), one request per connection, and
 * reads the answer to the end.
 */
final class RawHttp {

    /** The answer: status, header lines as received, body (de-chunked). */
    record Answer(int status, String statusLine, List<String> headers, byte[] body) {

        String header(String name) {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return h.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Status line, headers and body, as one text to search. */
        String all() {
            return statusLine + "\n" + String.join("\n", headers) + "\n\n" + text();
        }
    }

    /** A body written by a second thread while the answer is read (the server may answer and close early). */
    interface Streamed {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The status of an answer that never came: the server closed the connection first. */
    static final int CLOSED = -1;

    private RawHttp() {
    }

    static Answer exchange(String host, int port, byte[] head, byte[] body, Streamed streamed) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            Thread writer = null;
            if (body != null) {
                out.write(body);
                out.flush();
            } else if (streamed != null) {
                out.flush();
                writer = new Thread(() -> {
                    try {
                        streamed.writeTo(out);
                        out.flush();
                    } catch (IOException ignored) {
                        // the server stopped reading: expected for a refused body
                    }
                });
                writer.setDaemon(true);
                writer.start();
            } else {
                out.flush();
            }
            byte[] raw = readAll(socket.getInputStream());
            if (writer != null) {
                writer.join(30_000);
            }
            return parse(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                all.write(buf, 0, n);
            }
        } catch (SocketException e) {
            // connection reset after the answer (a refused, still-streaming body): keep what arrived
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    static Answer parse(byte[] raw) {
        if (raw.length == 0) {
            return new Answer(CLOSED, "(connection closed without an answer)", List.of(), new byte[0]);
        }
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new IllegalStateException("no complete answer head in " + raw.length + " bytes: "
                    + new String(raw, 0, Math.min(raw.length, 300), StandardCharsets.ISO_8859_1));
        }
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headers = new ArrayList<>(Arrays.asList(lines).subList(1, lines.length));
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        Answer a = new Answer(status, lines[0], headers, body);
        if ("chunked".equalsIgnoreCase(String.valueOf(a.header("Transfer-Encoding")))) {
            body = dechunk(body);
        } else if (a.header("Content-Length") != null) {
            int length = Integer.parseInt(a.header("Content-Length"));
            body = Arrays.copyOf(body, Math.min(length, body.length));
        }
        return new Answer(status, lines[0], headers, body);
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < b.length) {
            int eol = indexOf(b, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (eol < 0) {
                break;
            }
            String size = new String(b, at, eol - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n = Integer.parseInt(size.toLowerCase(Locale.ROOT), 16);
            if (n == 0) {
                break;
            }
            out.write(b, eol + 2, Math.min(n, b.length - eol - 2));
            at = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
