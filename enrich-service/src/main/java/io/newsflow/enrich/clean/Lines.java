package io.newsflow.enrich.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into lines that keep their own terminator ({@code \n}, {@code \r\n}, or none on the last
 * line), so that joining the kept lines reproduces every byte of them.
 */
final class Lines {
    private Lines() {
    }

    /** One line: {@code content} without its terminator, {@code full} with it. */
    record Line(String content, String full) {
        boolean isBlank() {
            return content.isBlank();
        }
    }

    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int length = text.length();
        while (start < length) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? length : newline + 1;
            int contentEnd = newline < 0 ? length : (newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline);
            lines.add(new Line(text.substring(start, contentEnd), text.substring(start, end)));
            start = end;
        }
        return lines;
    }
}
