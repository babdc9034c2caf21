package io.newsflow.ingest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.schema.RawArticle;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** RSS 0.91, 1.0 (RDF), 2.0 and Atom items map to the same RawArticle fields; the back-off doubles and is capped. */
class FeedItemsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    private static List<RawArticle> items(String xml) throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        return feed.getEntries().stream().map(e -> FeedItems.article(e, feed.getTitle(), "https://f.example/feed", NOW))
                .filter(Objects::nonNull).toList();
    }

    @Test
    void rss2UsesTheGuidAndTheFullContent() throws Exception {
        List<RawArticle> items = items("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>T</title><link>https://f.example/</link><description>d</description>"
                + "<item><title>One</title><link>https://f.example/1</link><guid isPermaLink=\"false\">g-1</guid>"
                + "<pubDate>Wed, 25 Nov 2026 10:00:00 +0100</pubDate><description>short</description>"
                + "<content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded></item>"
                + "<item><title>No guid</title><link>https://f.example/2</link><description><![CDATA[<p>Only a description.</p>]]></description></item>"
                + "<item><title>Empty</title><guid>g-3</guid></item></channel></rss>");

        assertThat(items).extracting(RawArticle::getId).containsExactly("g-1", "https://f.example/2");
        assertThat(items.get(0).getBody()).isEqualTo("<p>Full text.</p>");
        assertThat(items.get(0).getPublishedAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(items.get(0).getContentType()).isEqualTo("text/html");
        assertThat(items.get(0).getSource()).isEqualTo("T");
        assertThat(items.get(0).getAttributes()).containsEntry("feed.url", "https://f.example/feed");
        assertThat(items.get(1).getBody()).isEqualTo("<p>Only a description.</p>");
        assertThat(items.get(1).getPublishedAt()).isNull();
    }

    @Test
    void atomUsesTheEntryIdAndItsContent() throws Exception {
        List<RawArticle> items = items("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Atom news</title><id>urn:f</id><updated>2026-11-26T08:00:00Z</updated>"
                + "<entry><title>A</title><id>urn:uuid:1</id><link href=\"https://f.example/a\"/><updated>2026-11-26T08:00:00Z</updated>"
                + "<summary>sum</summary><content type=\"html\">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry></feed>");

        assertThat(items).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo("urn:uuid:1");
            assertThat(a.getUrl()).isEqualTo("https://f.example/a");
            assertThat(a.getBody()).isEqualTo("<p>Atom body.</p>");
            assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
            assertThat(a.getSource()).isEqualTo("Atom news");
        });
    }

    @Test
    void anRss091FeedWithNetscapesDoctypeIsRead() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>Old</title>"
                + "<link>https://f.example/</link><description>d</description><language>en-us</language><item><title>I1</title>"
                + "<link>https://f.example/i1</link><description>Doctype body.</description></item></channel></rss>";

        SyndFeed feed = FeedItems.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(feed.getEntries()).singleElement().satisfies(e -> assertThat(e.getDescription().getValue()).isEqualTo("Doctype body."));
    }

    @Test
    void anExternalEntityOrDtdIsNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] secret = "SECRET".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, secret.length);
            exchange.getResponseBody().write(secret);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + base + "/rss.dtd\" [\n"
                    + "<!ENTITY xxe SYSTEM \"" + base + "/secret\">\n<!ENTITY % remote SYSTEM \"" + base + "/param\">\n%remote;\n]>\n"
                    + "<rss version=\"2.0\"><channel><title>T</title><link>https://f.example/</link><description>d</description>"
                    + "<item><title>X</title><guid>x-1</guid><description>Before &xxe; after.</description></item></channel></rss>";

            List<RawArticle> items;
            try {
                SyndFeed feed = FeedItems.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
                items = feed.getEntries().stream().map(e -> FeedItems.article(e, "T", "https://f.example/feed", NOW))
                        .filter(Objects::nonNull).toList();
            } catch (com.rometools.rome.io.FeedException e) {
                items = List.of(); // refusing the document is as safe as reading it without the entity
            }

            assertThat(requests.get()).as("requests to the entity's and the DTD's URLs").isZero();
            assertThat(items).allSatisfy(item -> assertThat(item.getBody()).doesNotContain("SECRET"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rss1AndRss091ItemsComeThroughToo() throws Exception {
        List<RawArticle> rdf = items("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"https://f.example/\"><title>R</title><link>https://f.example/</link>"
                + "<description>d</description></channel><item rdf:about=\"https://f.example/r1\"><title>R1</title>"
                + "<link>https://f.example/r1</link><description>RDF body.</description></item></rdf:RDF>");
        List<RawArticle> old = items("<?xml version=\"1.0\"?><rss version=\"0.91\"><channel><title>O</title><link>https://f.example/</link>"
                + "<description>d</description><language>en</language><item><title>O1</title><link>https://f.example/o1</link>"
                + "<description>Old body.</description></item></channel></rss>");

        assertThat(rdf).extracting(RawArticle::getBody).containsExactly("RDF body.");
        assertThat(rdf.get(0).getId()).isEqualTo("https://f.example/r1");
        assertThat(old).extracting(RawArticle::getId, RawArticle::getBody)
                .containsExactly(org.assertj.core.api.Assertions.tuple("https://f.example/o1", "Old body."));
    }

    @Test
    void aFailingFeedWaitsTwiceAsLongEachTimeUpToAnHourMore() {
        FeedPoller.State state = new FeedPoller.State(new Feed(URI.create("https://f.example/feed"), Duration.ofMinutes(5)));
        assertThat(state.nextDelay()).isEqualTo(Duration.ofMinutes(5));
        state.failures = 1;
        assertThat(state.nextDelay()).isEqualTo(Duration.ofMinutes(10));
        state.failures = 3;
        assertThat(state.nextDelay()).isEqualTo(Duration.ofMinutes(40));
        state.failures = 20;
        assertThat(state.nextDelay()).isEqualTo(Duration.ofMinutes(65));
    }
}
