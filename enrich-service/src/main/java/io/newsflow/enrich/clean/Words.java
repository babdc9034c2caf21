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
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (inRun && runHasWordChar) {
                    words++;
                }
                inRun = false;
                runHasWordChar = false;
            } else {
                inRun = true;
                runHasWordChar |= Character.isLetterOrDigit(cp);
            }
        }
        return inRun && runHasWordChar ? words + 1 : words;
    }
}
