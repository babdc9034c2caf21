package io.newsflow.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schema.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * JSON Lines, read the same way wherever they come from (a file, stdin, an HTTP body): one JSON article per line,
 * lines split on bytes and each decoded as strict UTF-8 on its own, so a line that is not UTF-8, too long, or not
 * an article is rejected alone, with its number and the reason, and the rest go on. Blank lines are skipped.
 */
public final class JsonLines {

    /** Receives each line's article or the reason it was refused; lines are numbered from 1. */
    public interface Sink {
        void article(int line, RawArticle article) throws IOException;

        void rejected(int line, String reason) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** Reads every line of {@code in}; a line over {@code maxLineBytes} is rejected (and skipped to its end, not kept). */
    public static void read(InputStream in, long maxLineBytes, Clock clock, Sink sink) throws IOException {
        ByteLines lines = new ByteLines(in, maxLineBytes);
        int number = 0;
        while (lines.next()) {
            number++;
            if (lines.tooLong()) {
                sink.rejected(number, "over the size limit: line longer than " + maxLineBytes + " bytes (--max-article-bytes)");
                continue;
            }
            byte[] bytes = lines.bytes();
            int length = lines.length();
            int bad = RawArticles.invalidUtf8(bytes, length);
            if (bad >= 0) {
                sink.rejected(number, "not UTF-8: invalid byte sequence at byte offset " + bad);
                continue;
            }
            int start = startOf(bytes, length);
            if (start == length || (bytes[start] < 0 && new String(bytes, start, length - start, java.nio.charset.StandardCharsets.UTF_8).isBlank())) {
                continue;
            }
            try (JsonParser parser = JSON.getFactory().createParser(bytes, start, length - start)) {
                sink.article(number, RawArticles.fromJson(parser, bytes, start, length, clock.instant()));
            } catch (JsonProcessingException e) {
                sink.rejected(number, badJson(e));
            } catch (InvalidArticleException e) {
                sink.rejected(number, e.getMessage());
            }
        }
    }

    /** Where a line's content starts: past a byte-order mark and ASCII whitespace ({@code length} when there is none). */
    private static int startOf(byte[] bytes, int length) {
        int i = length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** "bad JSON at column C: what the parser says" (no column when the parser gives none). */
    public static String badJson(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return "bad JSON" + (location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr()) + ": "
                + e.getOriginalMessage();
    }

    /** The index of the first '\n' in {@code bytes[from, to)}, or {@code to}: eight bytes at a time. */
    static int newline(byte[] bytes, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long zero = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L; // a high bit set where a byte was '\n'
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < to && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Lines of a byte stream, split on '\n' in bulk (a 64 KiB buffer, lines copied with arraycopy),
     * each kept as bytes so it is decoded on its own; a line over the limit is skipped to its end
     * and reported, not kept.
     */
    private static final class ByteLines {
        private final InputStream in;
        private final long maxBytes;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line = new byte[8192];
        private int length;
        private boolean tooLong;
        private boolean ended;

        ByteLines(InputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        /** Reads the next line; false at the end of the stream (a last line without '\n' still counts). */
        boolean next() throws IOException {
            length = 0;
            tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    if (ended || (limit = in.read(buffer)) <= 0) {
                        ended = true;
                        position = limit = 0;
                        return any;
                    }
                    position = 0;
                }
                any = true;
                int newline = newline(buffer, position, limit);
                append(position, newline - position);
                position = newline;
                if (newline < limit) {
                    position++;
                    return true;
                }
            }
        }

        private void append(int from, int count) {
            if (tooLong || count == 0) {
                return;
            }
            if (length + (long) count > maxBytes) {
                tooLong = true;
                return;
            }
            if (length + count > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(buffer, from, line, length, count);
            length += count;
        }

        byte[] bytes() {
            return line;
        }

        int length() {
            return length;
        }

        boolean tooLong() {
            return tooLong;
        }
    }
}
