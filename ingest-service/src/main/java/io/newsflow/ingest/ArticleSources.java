package io.newsflow.ingest;

import io.newsflow.schema.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns command-line inputs (files, folders walked recursively, {@code -} for stdin) into articles,
 * reporting each input that cannot be one. Hidden files and folders (names starting with a dot) are
 * skipped. Nothing here talks to Kafka.
 */
public final class ArticleSources {

    /** Receives what the sources produce, in input order. */
    public interface Sink {
        /** A good article; {@code origin} names where it came from ({@code path} or {@code path:line}). */
        void article(RawArticle article, String origin) throws IOException;

        /** An input that cannot be an article, with a one-line reason. */
        void rejected(String origin, String reason);
    }

    private final InputFormat format;
    private final String sourceName;
    private final long maxBytes;
    private final Clock clock;

    /**
     * @param format     how to read inputs
     * @param sourceName the RawArticle source for text inputs (null: "file" for files, "stdin" for stdin)
     * @param maxBytes   largest accepted article body, in bytes
     */
    public ArticleSources(InputFormat format, String sourceName, long maxBytes, Clock clock) {
        this.format = format;
        this.sourceName = sourceName;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The largest accepted article, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    public void read(List<String> inputs, InputStream stdin, Sink sink) throws IOException {
        for (String input : inputs) {
            if (input.equals("-")) {
                readStdin(stdin, sink);
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                for (Path file : filesUnder(path)) {
                    if (format.takes(file)) {
                        readFile(file, sink);
                    }
                }
            } else {
                readFile(path, sink);
            }
        }
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(folder.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void readFile(Path file, Sink sink) throws IOException {
        String origin = file.toString();
        try {
            if (!Files.exists(file)) {
                sink.rejected(origin, "no such file or directory");
                return;
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                sink.rejected(origin, "not a readable file");
                return;
            }
            if (format.resolve(file) == InputFormat.JSONL) {
                try (InputStream in = Files.newInputStream(file)) {
                    readJsonLines(in, origin, sink);
                }
                return;
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                sink.rejected(origin, "over the size limit: " + size + " bytes > " + maxBytes + " (--max-article-bytes)");
                return;
            }
            byte[] content = Files.readAllBytes(file);
            RawArticle article = format.resolve(file) == InputFormat.HTML
                    ? RawArticles.fromHtmlFile(file, content, clock.instant())
                    : RawArticles.fromTextFile(file, content, clock.instant());
            if (sourceName != null) {
                article.setSource(sourceName);
            }
            sink.article(article, origin);
        } catch (InvalidArticleException e) {
            sink.rejected(origin, e.getMessage());
        } catch (NoSuchFileException e) {
            sink.rejected(origin, "no such file or directory");
        } catch (IOException e) {
            sink.rejected(origin, "cannot read: " + e.getMessage());
        }
    }

    private void readStdin(InputStream stdin, Sink sink) throws IOException {
        if (format == InputFormat.JSONL) {
            readJsonLines(stdin, "stdin", sink);
            return;
        }
        byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            sink.rejected("stdin", "over the size limit: more than " + maxBytes + " bytes (--max-article-bytes)");
            return;
        }
        try {
            String source = sourceName == null ? "stdin" : sourceName;
            sink.article(format == InputFormat.HTML ? RawArticles.fromHtml(HtmlCharset.decode(bytes).text(), source, clock.instant())
                    : RawArticles.fromText(RawArticles.decodeUtf8(bytes), source, clock.instant()), "stdin");
        } catch (InvalidArticleException e) {
            sink.rejected("stdin", e.getMessage());
        }
    }

    /** One JSON article per line ({@link JsonLines}): each rejected line is named {@code origin:number}. */
    private void readJsonLines(InputStream in, String origin, Sink sink) throws IOException {
        JsonLines.read(in, maxBytes, clock, new JsonLines.Sink() {
            @Override
            public void article(int line, RawArticle article) throws IOException {
                sink.article(article, origin + ":" + line);
            }

            @Override
            public void rejected(int line, String reason) {
                sink.rejected(origin + ":" + line, reason);
            }
        });
    }

    /** All articles and rejections of {@code inputs}, collected (for tests and small inputs). */
    public Collected collect(List<String> inputs, InputStream stdin) throws IOException {
        Collected collected = new Collected(new ArrayList<>(), new ArrayList<>());
        read(inputs, stdin, new Sink() {
            @Override
            public void article(RawArticle article, String origin) {
                collected.articles().add(article);
            }

            @Override
            public void rejected(String origin, String reason) {
                collected.rejections().add(origin + ": " + reason);
            }
        });
        return collected;
    }

    /** Articles and {@code origin: reason} rejection lines. */
    public record Collected(List<RawArticle> articles, List<String> rejections) {
    }
}
