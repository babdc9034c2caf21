package io.newsflow.ingest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes an HTML page's bytes the way a browser picks the encoding (the HTML standard's sniffing,
 * simplified): a byte-order mark first, then a charset declared in a {@code <meta>} in the first 1024
 * bytes, else UTF-8 when the bytes are valid UTF-8, else windows-1252 (the web's legacy default).
 * One departure: a page that declares a legacy charset but whose bytes are valid UTF-8 with non-ASCII
 * characters in them is read as UTF-8. Pages re-saved as UTF-8 keep their old {@code <meta>} often,
 * and legacy multi-byte text is almost never valid UTF-8 by chance.
 * Never fails: every byte sequence is some text in one of these.
 */
public final class HtmlCharset {

    private static final int PRESCAN_BYTES = 1024;
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.+-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The page's text and the charset it was read in. */
    public record Decoded(String text, Charset charset) {
    }

    private HtmlCharset() {
    }

    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        Charset declared = declared(bytes);
        String utf8 = strictUtf8(bytes);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8) && (utf8 == null || isAscii(bytes))) {
            return new Decoded(new String(bytes, declared), declared);
        }
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        // declared UTF-8 but is not, or declared nothing: what old pages without a declaration were written in
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252);
    }

    /** The charset a {@code <meta charset>} or {@code http-equiv} Content-Type declares in the first 1024 bytes; null if none or unknown. */
    static Charset declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher matcher = META_CHARSET.matcher(head);
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        // the HTML standard reads these labels as windows-1252, and a page that says UTF-16 in ASCII bytes is not UTF-16
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii") || name.equals("ascii")) {
            return WINDOWS_1252;
        }
        if (name.startsWith("utf-16")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** The bytes as strict UTF-8 (ingest's one decoder, {@link RawArticles#decodeUtf8}), or null when they are not. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return RawArticles.decodeUtf8(bytes);
        } catch (InvalidArticleException notUtf8) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
