package io.newsflow.enrich.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last {@code capacity} enriched articles seen, newest first: a bounded ring, the oldest dropped as a new one
 * comes. An article seen again (a replay, a reprocessing) moves to the front instead of showing twice. Thread-safe:
 * one thread adds, the HTTP threads read.
 */
public final class LatestArticles {

    private final int capacity;
    private final Deque<ArticleView> newestFirst = new ArrayDeque<>();

    public LatestArticles(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + ": expected at least 1");
        }
        this.capacity = capacity;
    }

    public synchronized void add(ArticleView article) {
        newestFirst.removeIf(seen -> seen.id() != null && seen.id().equals(article.id()));
        newestFirst.addFirst(article);
        while (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }

    /** A copy, newest first. */
    public synchronized List<ArticleView> newestFirst() {
        return new ArrayList<>(newestFirst);
    }
}
