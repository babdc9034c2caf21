package io.newsflow.enrich.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Article ids in few bytes, for indexes that hold a window of them in memory. Ids as ingest makes them ({@code url-}
 * and 32 hex digits) end in a long run of lowercase hex digits: that run is packed two digits a byte. The packed form is
 * one byte giving how many bytes of UTF-8 come first (255: all of it is UTF-8), those bytes, then the packed digits.
 * Any string comes back as it went in. Plain Java.
 */
final class Ids {

    private static final int ALL_TEXT = 255;
    private static final int MIN_DIGITS = 8;

    private Ids() {
    }

    static byte[] pack(String id) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        int digits = 0;
        while (digits < utf8.length && hex(utf8[utf8.length - 1 - digits]) >= 0) {
            digits++;
        }
        digits &= ~1; // an even run: the digits before it stay text
        int text = utf8.length - digits;
        if (digits < MIN_DIGITS || text >= ALL_TEXT) {
            byte[] out = new byte[utf8.length + 1];
            out[0] = (byte) ALL_TEXT;
            System.arraycopy(utf8, 0, out, 1, utf8.length);
            return out;
        }
        byte[] out = new byte[1 + text + digits / 2];
        out[0] = (byte) text;
        System.arraycopy(utf8, 0, out, 1, text);
        for (int d = 0; d < digits; d += 2) {
            out[1 + text + d / 2] = (byte) (hex(utf8[text + d]) << 4 | hex(utf8[text + d + 1]));
        }
        return out;
    }

    /** The id {@link #pack} wrote into {@code bytes[from, to)}. */
    static String unpack(byte[] bytes, int from, int to) {
        int text = bytes[from] & 0xFF;
        if (text == ALL_TEXT) {
            return new String(bytes, from + 1, to - from - 1, StandardCharsets.UTF_8);
        }
        int packed = to - from - 1 - text;
        byte[] utf8 = Arrays.copyOf(Arrays.copyOfRange(bytes, from + 1, from + 1 + text), text + 2 * packed);
        for (int p = 0; p < packed; p++) {
            int b = bytes[from + 1 + text + p] & 0xFF;
            utf8[text + 2 * p] = (byte) "0123456789abcdef".charAt(b >>> 4);
            utf8[text + 2 * p + 1] = (byte) "0123456789abcdef".charAt(b & 0xF);
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        return b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }
}
