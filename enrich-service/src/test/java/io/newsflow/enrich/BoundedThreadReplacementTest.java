package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.newsflow.enrich.text.RejectedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class BoundedThreadReplacementTest {

    private final List<Thread> leaving = new ArrayList<>();

    @Test
    void aBugReplacesTheThreadUpToTheBoundThenShutsDown() {
        BoundedThreadReplacement handler = new BoundedThreadReplacement(2, false, leaving::add, java.time.Duration.ZERO);
        IllegalStateException bug = new IllegalStateException("bug");

        assertThat(handler.handle(bug)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(bug)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(bug)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(leaving).as("each replaced thread leaves the group").containsExactly(Thread.currentThread(), Thread.currentThread());
    }

    @Test
    void aTransientKafkaErrorAlwaysReplacesTheThreadAndIsNotCounted() {
        BoundedThreadReplacement handler = new BoundedThreadReplacement(1, false, leaving::add, java.time.Duration.ZERO);
        StreamsException brokerGone = new StreamsException("task timed out", new TimeoutException("broker unavailable"));

        for (int i = 0; i < 5; i++) {
            assertThat(handler.handle(brokerGone)).isEqualTo(REPLACE_THREAD);
        }
        assertThat(handler.handle(new IllegalStateException("bug"))).as("the bound counts only the others").isEqualTo(REPLACE_THREAD);
    }

    @Test
    void failPolicyStopsOnABadRecordButNotOnATransientBrokerError() {
        BoundedThreadReplacement handler = new BoundedThreadReplacement(3, true, leaving::add, java.time.Duration.ZERO);

        assertThat(handler.handle(new StreamsException(new TimeoutException("broker unavailable")))).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(new StreamsException(new RejectedArticle("empty body")))).isEqualTo(SHUTDOWN_CLIENT);
    }
}
