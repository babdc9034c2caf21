// Reads one enriched article with kafkajs (lz4 codec registered, read_committed) and decodes it
// through the registry; prints it as one JSON line.
const { Kafka, CompressionTypes, CompressionCodecs } = require('kafkajs');
const LZ4 = require('kafkajs-lz4');
CompressionCodecs[CompressionTypes.LZ4] = new LZ4().codec;
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');
const env = process.env;
(async () => {
  const registry = new SchemaRegistry({ host: env.REGISTRY });
  const consumer = new Kafka({ brokers: [env.BROKERS], logLevel: 1 }).consumer({ groupId: 'kafkajs-' + env.ARTICLE_ID, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic: env.ENRICHED_TOPIC, fromBeginning: true });
  const timer = setTimeout(() => { console.error('FAILED nothing within 60 s'); process.exit(1); }, 60000);
  await consumer.run({ eachMessage: async ({ message }) => {
    const article = await registry.decode(message.value);
    console.log(JSON.stringify({ key: message.key.toString(), body: article.body, tags: article.tags.map(t => t.name),
      noise: article.noise }));
    // exit at once: disconnecting from inside eachMessage would wait for this very handler
    clearTimeout(timer);
    process.exit(0);
  }});
})().catch(e => { console.error('FAILED ' + e.message); process.exit(1); });
