package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlCharsetTest {

    private static final String PAGE = "<p>Caf\u00e9 cr\u00e8me \u2013 \u20ac4</p>";

    @Test
    void aByteOrderMarkDecidesAndIsDropped() {
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, PAGE.getBytes(StandardCharsets.UTF_8));
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, PAGE.getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, PAGE.getBytes(StandardCharsets.UTF_16BE));

        assertThat(HtmlCharset.decode(utf8).text()).isEqualTo(PAGE);
        assertThat(HtmlCharset.decode(utf16le).text()).isEqualTo(PAGE);
        assertThat(HtmlCharset.decode(utf16be)).isEqualTo(new HtmlCharset.Decoded(PAGE, StandardCharsets.UTF_16BE));
    }

    @Test
    void aMetaCharsetIsHonoured() {
        String page = "<html><head><meta charset=\"windows-1252\"></head><body>" + PAGE + "</body></html>";
        HtmlCharset.Decoded decoded = HtmlCharset.decode(page.getBytes(Charset.forName("windows-1252")));
        assertThat(decoded.text()).isEqualTo(page);
        assertThat(decoded.charset().name()).isEqualTo("windows-1252");
    }

    @Test
    void anHttpEquivContentTypeIsHonoured() {
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\"></head><body>"
                + "<p>Caf\u00e9 cr\u00e8me \u20ac4</p></body></html>"; // ISO-8859-15 has the euro sign and no dashes
        assertThat(HtmlCharset.decode(page.getBytes(Charset.forName("ISO-8859-15"))).text()).isEqualTo(page);
    }

    @Test
    void latin1IsReadAsWindows1252AsBrowsersDo() {
        byte[] bytes = "<meta charset=iso-8859-1><p>\u201cquoted\u201d</p>".getBytes(Charset.forName("windows-1252"));
        assertThat(HtmlCharset.decode(bytes).text()).contains("\u201cquoted\u201d");
    }

    @Test
    void undeclaredPagesAreUtf8WhenValidElseWindows1252() {
        assertThat(HtmlCharset.decode(PAGE.getBytes(StandardCharsets.UTF_8))).isEqualTo(new HtmlCharset.Decoded(PAGE, StandardCharsets.UTF_8));
        HtmlCharset.Decoded legacy = HtmlCharset.decode(PAGE.getBytes(Charset.forName("windows-1252")));
        assertThat(legacy.text()).isEqualTo(PAGE);
        assertThat(legacy.charset().name()).isEqualTo("windows-1252");
    }

    @Test
    void anUnknownCharsetNameFallsBackToSniffing() {
        String page = "<meta charset=\"x-made-up\">" + PAGE;
        assertThat(HtmlCharset.decode(page.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(page);
    }

    @Test
    void aPageResavedAsUtf8UnderItsOldDeclarationIsReadAsUtf8() {
        String page = "<meta charset=\"gb2312\"><p>\u65b0\u95fb \u2013 Caf\u00e9</p>";
        HtmlCharset.Decoded decoded = HtmlCharset.decode(page.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isEqualTo(new HtmlCharset.Decoded(page, StandardCharsets.UTF_8));
    }

    @Test
    void aLegacyPageInItsDeclaredCharsetStaysInIt() {
        String page = "<meta charset=\"gb2312\"><p>\u65b0\u95fb\u62a5\u9053</p>";
        HtmlCharset.Decoded decoded = HtmlCharset.decode(page.getBytes(Charset.forName("GB2312")));
        assertThat(decoded.text()).isEqualTo(page);
        assertThat(decoded.charset().name()).isEqualTo("GB2312");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
