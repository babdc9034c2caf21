package io.newsflow.enrich.clean;

import java.util.Arrays;

/**
 * The lines of a text as index ranges into it, without copying: line {@code i} is
 * {@code text[start(i), end(i))} including its terminator ({@code \n}, {@code \r\n}, or none on the
 * last line), its content {@code text[start(i), contentEnd(i))} without. Joining kept ranges
 * reproduces every byte of them.
 */
final class Lines {
    private final String text;
    private int[] starts = new int[64];
    private int[] contentEnds = new int[64];
    private int[] ends = new int[64];
    private int count;

    private Lines(String text) {
        this.text = text;
    }

    static Lines of(String text) {
        Lines lines = new Lines(text);
        int start = 0;
        int length = text.length();
        while (start < length) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? length : newline + 1;
            int contentEnd = newline < 0 ? length : (newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline);
            lines.add(start, contentEnd, end);
            start = end;
        }
        return lines;
    }

    private void add(int start, int contentEnd, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            contentEnds = Arrays.copyOf(contentEnds, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        contentEnds[count] = contentEnd;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    int start(int i) {
        return starts[i];
    }

    int contentEnd(int i) {
        return contentEnds[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** True when the line has nothing but whitespace. */
    boolean isBlank(int i) {
        for (int k = starts[i]; k < contentEnds[i]; k++) {
            char c = text.charAt(k);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
