// Registers RawArticle.avsc with @kafkajs/confluent-schema-registry's default options (it reads
// GET /config/{subject} first) and sends one article with kafkajs, as a user's own producer would.
const { Kafka } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');
const fs = require('fs');
const env = process.env;
(async () => {
  const registry = new SchemaRegistry({ host: env.REGISTRY });
  const schema = fs.readFileSync(env.SCHEMA_FILE, 'utf8');
  const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject: env.RAW_TOPIC + '-value' });
  const value = await registry.encode(id, { id: env.ARTICLE_ID, source: 'kafkajs', url: null, title: null,
    body: 'Ministers met in Madrid on Monday.\nAdvert\nThe talks went on late.\n', contentType: 'text/plain',
    language: null, publishedAt: null, ingestedAt: Date.now(), attributes: {} });
  const producer = new Kafka({ brokers: [env.BROKERS], logLevel: 1 }).producer();
  await producer.connect();
  await producer.send({ topic: env.RAW_TOPIC, messages: [{ key: env.ARTICLE_ID, value }] });
  await producer.disconnect();
  console.log('sent ' + env.ARTICLE_ID + ' with schema id ' + id);
})().catch(e => { console.error('FAILED ' + e.message); process.exit(1); });
