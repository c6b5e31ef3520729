package org.district.benchmarks.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * One HTTP/1.1 answer read off a kept-alive connection: its status and whether the connection
 * stays open; the body is read (by length or in chunks) and dropped, so that the next answer
 * starts where this one ends.
 */
record HttpAnswer(int status, boolean keepAlive, long bodyBytes) {

    private static final int MAX_LINE = 16 * 1024;

    static HttpAnswer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean keepAlive = statusLine.startsWith("HTTP/1.1");
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> keepAlive = !value.contains("close") && (keepAlive || value.contains("keep-alive"));
                default -> { }
            }
        }
        long body;
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = 0;
        } else if (chunked) {
            body = 0;
            for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                skip(in, size);
                body += size;
                if (!line(in).isEmpty()) {
                    throw new IOException("a chunk did not end where its size said");
                }
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(in, length);
            body = length;
        } else {
            body = in.transferTo(OutputStream.nullOutputStream());
            keepAlive = false;
        }
        return new HttpAnswer(status, keepAlive, body);
    }

    private static long chunkSize(String line) throws IOException {
        int end = line.indexOf(';');
        try {
            return Long.parseLong((end < 0 ? line : line.substring(0, end)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("not a chunk size: " + line);
        }
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** A line without its CRLF, in ISO-8859-1 (header lines are ASCII). */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the connection closed inside an answer's head");
            }
            if (c == '\n') {
                int last = line.length() - 1;
                return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) c);
        }
    }}
