package io.newsflow.ingest.serve;

import io.newsflow.runtime.Durations;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The feeds to poll: {@code --feed URL} flags, and a {@code --feeds FILE} of lines {@code URL [interval]}, {@code #} comments. */
final class FeedList {

    private FeedList() {
    }

    static List<Feed> of(List<String> urls, Path file, Duration defaultInterval) throws IOException {
        List<Feed> feeds = new ArrayList<>();
        for (String url : urls) {
            feeds.add(new Feed(url(url, "--feed"), defaultInterval));
        }
        if (file != null) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                String where = file + ":" + (i + 1);
                if (parts.length > 2) {
                    throw new IllegalArgumentException(where + ": expected 'URL [interval]', got '" + line + "'");
                }
                Duration interval;
                try {
                    interval = parts.length == 2 ? Durations.parse(parts[1]) : defaultInterval;
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage());
                }
                feeds.add(new Feed(url(parts[0], where), interval));
            }
        }
        return feeds;
    }

    private static URI url(String text, String where) {
        try {
            URI uri = URI.create(text);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not an http(s) URL");
        }
    }
}
