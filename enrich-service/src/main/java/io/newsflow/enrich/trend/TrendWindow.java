package io.newsflow.enrich.trend;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The windows a trending list can cover; each is a whole number of {@link Buckets}, ending with the bucket of the stream time. */
public enum TrendWindow {
    HOUR("1h", Duration.ofHours(1)),
    SIX_HOURS("6h", Duration.ofHours(6)),
    DAY("24h", Duration.ofHours(24));

    /** Points in a tag's {@code series}: the window cut into this many equal parts. */
    public static final int SERIES_POINTS = 12;

    private final String label;
    private final Duration length;

    TrendWindow(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** As written in a request and an answer: {@code 1h}, {@code 6h}, {@code 24h}. */
    public String label() {
        return label;
    }

    public long buckets() {
        return length.dividedBy(Buckets.LENGTH);
    }

    /** The window named {@code label}, if it is one. */
    public static Optional<TrendWindow> parse(String label) {
        return Arrays.stream(values()).filter(w -> w.label.equals(label)).findFirst();
    }

    /** The labels, for an error message. */
    public static String labels() {
        return Arrays.stream(values()).map(TrendWindow::label).collect(Collectors.joining(", "));
    }

    static TrendWindow longest() {
        return DAY;
    }
}
