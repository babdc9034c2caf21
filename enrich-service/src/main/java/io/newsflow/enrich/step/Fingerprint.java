package io.newsflow.enrich.step;

import io.newsflow.enrich.dedup.MinHash;
import io.newsflow.schema.EnrichedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Computes the MinHash signature of the clean body where the work is spread over all input partitions,
 * and carries it to {@link Deduplicate} in the {@value #HEADER} header, so the single dedup task only
 * looks it up. The header never reaches the output topic.
 */
public final class Fingerprint implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

    /** The record header holding the signature: {@link MinHash#SIZE} big-endian ints. */
    public static final String HEADER = "newsflow.minhash";

    private FixedKeyProcessorContext<String, EnrichedArticle> context;

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        record.headers().remove(HEADER);
        record.headers().add(HEADER, MinHash.toBytes(MinHash.signature(record.value().getBody())));
        context.forward(record);
    }
}
