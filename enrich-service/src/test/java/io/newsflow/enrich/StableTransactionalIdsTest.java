package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StableTransactionalIdsTest {

    private final StableTransactionalIds ids = new StableTransactionalIds("newsflow-enrich", "host-a-1f2e");

    @Test
    void theRandomProcessIdIsReplacedByTheInstanceIdAndTheThreadNumberKept() {
        Map<String, Object> config = Map.of("transactional.id", "newsflow-enrich-3f1c2d4e-0b6a-4c1e-9d7f-2a1b3c4d5e6f-2", "acks", "all");

        assertThat(ids.withStableTransactionalId(config))
                .containsEntry("transactional.id", "newsflow-enrich-host-a-1f2e-2")
                .containsEntry("acks", "all");
    }

    @Test
    void aProducerWithoutTransactionsIsLeftAlone() {
        Map<String, Object> config = Map.of("acks", "all");

        assertThat(ids.withStableTransactionalId(config)).isSameAs(config);
    }
}
