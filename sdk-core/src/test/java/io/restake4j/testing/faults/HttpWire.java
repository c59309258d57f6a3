package io.restake4j.testing.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Just enough HTTP/1.1 for {@link FaultProxy}: read one request (Content-Length or chunked body), write one answer. */
final class HttpWire {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_BODY = 32 * 1024 * 1024;

    private HttpWire() {
    }

    /** One request. Header names are lower case. */
    record Request(String method, String target, String version, Map<String, String> headers, byte[] body) {

        /** Whether the client wants the connection kept open after the answer. */
        boolean keepAlive() {
            String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
            if (connection.contains("close")) {
                return false;
            }
            return !"HTTP/1.0".equals(version) || connection.contains("keep-alive");
        }
    }

    /** Thrown when the bytes are not an HTTP request we understand. */
    static final class BadRequest extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Reads one request; {@code null} when the stream ends cleanly before one begins. */
    static Request read(InputStream in) throws IOException {
        String line = readLine(in, true);
        while (line != null && line.isEmpty()) {
            line = readLine(in, true); // tolerate stray CRLFs between requests
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "bad request line: " + line);
        }
        Map<String, String> headers = new HashMap<>();
        for (int n = 0; ; n++) {
            String h = readLine(in, false);
            if (h.isEmpty()) {
                break;
            }
            if (n >= MAX_HEADERS) {
                throw new BadRequest(431, "too many headers");
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "bad header: " + h);
            }
            headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body;
        String te = headers.get("transfer-encoding");
        String cl = headers.get("content-length");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else if (cl != null) {
            long length;
            try {
                length = Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "bad Content-Length: " + cl);
            }
            if (length < 0 || length > MAX_BODY) {
                throw new BadRequest(413, "body too large: " + cl);
            }
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("body ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = new byte[0];
        }
        return new Request(parts[0], parts[1], parts[2], headers, body);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in, false);
            int semi = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "bad chunk size: " + size);
            }
            if (n == 0) {
                while (!readLine(in, false).isEmpty()) {
                    // trailers: ignored
                }
                return out.toByteArray();
            }
            if (out.size() + n > MAX_BODY) {
                throw new BadRequest(413, "body too large");
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new EOFException("chunk ended early");
            }
            out.write(chunk);
            readLine(in, false); // the CRLF after the chunk
        }
    }

    /** A line without its CRLF (or LF); {@code null} at a clean end of stream when {@code eofOk}. */
    private static String readLine(InputStream in, boolean eofOk) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofOk && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a request");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new BadRequest(431, "line too long");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
    }

    /** Status line and headers of an answer with a {@code Content-Length} body. */
    static byte[] head(int status, String contentType, int contentLength, boolean keepAlive) {
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n"
                + "\r\n";
        return head.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
