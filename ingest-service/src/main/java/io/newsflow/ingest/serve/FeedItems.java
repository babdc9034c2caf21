package io.newsflow.ingest.serve;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.io.InputStream;
import io.newsflow.schema.ContentTypes;
import io.newsflow.schema.RawArticle;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** A feed item as a RawArticle: what of RSS's and Atom's fields goes where. */
final class FeedItems {

    private FeedItems() {
    }

    /**
     * A feed document parsed. A DOCTYPE is accepted (RSS 0.91 feeds carry Netscape's), but nothing outside the
     * document is read: external entities resolve to nothing and no DTD is loaded, so a feed cannot make the service
     * fetch a URL or read a file (XXE).
     */
    static SyndFeed parse(InputStream body) throws IOException, FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(true);
        return input.build(new XmlReader(body));
    }

    /**
     * id from the guid / Atom id (else the link), url = link, title, publishedAt (published, else
     * updated), body = the full content ({@code content:encoded}, Atom {@code content}), else the
     * description, as {@code text/html}; null when the item has no body or nothing to identify it by.
     */
    static RawArticle article(SyndEntry entry, String source, String feedUrl, Instant now) {
        String body = null;
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                body = content.getValue();
                break;
            }
        }
        if (body == null && entry.getDescription() != null && entry.getDescription().getValue() != null
                && !entry.getDescription().getValue().isBlank()) {
            body = entry.getDescription().getValue();
        }
        String id = nonBlank(entry.getUri()) != null ? entry.getUri().strip() : nonBlank(entry.getLink());
        if (body == null || id == null) {
            return null;
        }
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return RawArticle.newBuilder()
                .setId(id)
                .setSource(source)
                .setUrl(nonBlank(entry.getLink()))
                .setTitle(nonBlank(entry.getTitle()))
                .setBody(body)
                .setContentType(ContentTypes.HTML)
                .setPublishedAt(published == null ? null : published.toInstant())
                .setIngestedAt(now)
                .setAttributes(Map.of("feed.url", feedUrl))
                .build();
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
