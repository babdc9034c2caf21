package io.newsflow.ingest.serve;

import java.net.URI;
import java.time.Duration;

/** A feed to poll and how often. */
public record Feed(URI url, Duration interval) {
}
