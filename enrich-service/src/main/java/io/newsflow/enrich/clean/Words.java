package io.newsflow.enrich.clean;

/** Word counting for the enriched record: whitespace-separated runs that contain a letter or a digit. */
public final class Words {
    private Words() {
    }

    public static int count(String text) {
        int words = 0;
        boolean inRun = false;
        boolean runHasWordChar = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            boolean space;
            boolean wordChar;
            if (c < 0x80) {
                // ASCII, the bulk of most articles, classified without the Unicode tables
                i++;
                space = c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
                wordChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            } else {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
                wordChar = Character.isLetterOrDigit(cp);
            }
            if (space) {
                if (inRun && runHasWordChar) {
                    words++;
                }
                inRun = false;
                runHasWordChar = false;
            } else {
                inRun = true;
                runHasWordChar |= wordChar;
            }
        }
        return inRun && runHasWordChar ? words + 1 : words;
    }
}
