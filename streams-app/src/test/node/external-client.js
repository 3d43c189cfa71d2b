// A client outside the project: KafkaJS plus Confluent's JS Avro serdes
// (@confluentinc/schemaregistry), pointed at the application's broker and schema registry. Used by
// ExternalClientIT.
//
//   node external-client.js <specFile>
//
// The spec (JSON) names the broker, the registry, the topics and the application's consumer group,
// and holds what to publish: agreements, access events (as avsc records: enums as strings,
// timestamps as epoch millis) and undecodable values (hex). The script
//   1. publishes the agreements (key staffId, record timestamp effectiveFrom) and waits until the
//      application's group has committed past them, so that they are in force before the events
//      are judged (audit.agreements.grace=0s);
//   2. publishes the events (key staffId, record timestamp occurredAt) and the junk values to the
//      access-events topic, and waits until the group has committed past them and past what it
//      wrote to its repartition topics (then their alerts and dead letters are committed too);
//   3. reads the alerts topic (read_committed) and the dead-letter topic from the beginning to
//      their ends, decodes each alert with the AvroDeserializer, and prints
//      {"produced": [...], "alerts": [...], "deadLetters": [...], "timings": {...}} as JSON on
//      stdout (timings: milliseconds from the start to the end of each step, for diagnosis).
// KafkaJS logs go to stderr. Every wait has a deadline; on one it exits with status 1.
'use strict';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const fs = require('fs');
const { Kafka, logLevel } = require('kafkajs');
const {
  SchemaRegistryClient,
  AvroSerializer,
  AvroDeserializer,
  SerdeType,
  SubjectNameStrategyType,
} = require('@confluentinc/schemaregistry');

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const deadline = Date.now() + (spec.timeoutMs || 40000);

const kafka = new Kafka({
  clientId: 'external-client-it',
  brokers: [spec.bootstrap],
  logLevel: logLevel.WARN,
  logCreator: () => ({ namespace, level, label, log }) =>
    process.stderr.write(`[kafkajs ${label} ${namespace}] ${JSON.stringify(log)}\n`),
});
const registry = new SchemaRegistryClient({ baseURLs: [spec.registryUrl], maxRetries: 0 });
const serdeConfig = { subjectNameStrategyType: SubjectNameStrategyType.TOPIC };
const serializer = new AvroSerializer(registry, SerdeType.VALUE, {
  ...serdeConfig,
  autoRegisterSchemas: false,
  useLatestVersion: true,
});
const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, serdeConfig);

const started = Date.now();
const timings = {};
const mark = (step) => { timings[step] = Date.now() - started; };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, condition) {
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(100);
  }
}

async function send(producer, topic, key, value, timestamp) {
  const [metadata] = await producer.send({
    topic,
    acks: -1,
    messages: [{ key, value, timestamp: timestamp === undefined ? undefined : String(timestamp) }],
  });
  return { topic, key, partition: metadata.partition, offset: Number(metadata.baseOffset) };
}

/**
 * True when the application's group has committed, on every partition, up to the partition's end:
 * of the topic, and of the group's repartition topics (Kafka Streams names them
 * <application id>-<name>-repartition), where the alerts are judged. The committed offsets are
 * read before the ends, so that nothing produced in between is missed.
 */
async function caughtUp(admin, topic) {
  const repartition = (await admin.listTopics()).filter(
    (t) => t.startsWith(`${spec.groupId}-`) && t.endsWith('-repartition'));
  const topics = [topic, ...repartition];
  const position = new Map();
  for (const t of await admin.fetchOffsets({ groupId: spec.groupId, topics })) {
    for (const p of t.partitions) {
      position.set(`${t.topic}/${p.partition}`, Number(p.offset));
    }
  }
  for (const t of topics) {
    for (const end of await admin.fetchTopicOffsets(t)) {
      if (Number(end.offset) > 0 && !(position.get(`${t}/${end.partition}`) >= Number(end.offset))) {
        return false;
      }
    }
  }
  return true;
}

/** Every record of the topics, from the beginning to the end each partition has now. */
async function readAll(topics, onMessage) {
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map();
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) {
      if (Number(p.offset) > 0) {
        remaining.set(`${topic}/${p.partition}`, Number(p.offset));
      }
    }
  }
  await admin.disconnect();
  const consumer = kafka.consumer({
    groupId: `external-client-it-${process.pid}-${Date.now()}`,
    readUncommitted: false,
    // KafkaJS waits up to 5 s (its default) on a fetch that returns nothing; the ends of the
    // partitions are known, so ask often.
    maxWaitTimeInMs: 200,
  });
  consumer.on(consumer.events.GROUP_JOIN, () => mark('joined'));
  await consumer.connect();
  // Batches of only control records (transaction markers) reach no handler, but they do end
  // with this event: the consumer is past the end of a partition once its last offset is.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    const key = `${payload.topic}/${payload.partition}`;
    if (remaining.has(key) && Number(payload.lastOffset) + 1 >= remaining.get(key)) {
      remaining.delete(key);
    }
  });
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ topic, partition, message }) => onMessage(topic, partition, message) });
  try {
    await until(`the end of ${topics.join(' and ')} (left: ${[...remaining.keys()]})`, () => remaining.size === 0);
  } finally {
    await consumer.disconnect();
  }
}

async function main() {
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const produced = [];
  try {
    for (const agreement of spec.agreements || []) {
      const value = await serializer.serialize(spec.topics.agreements, agreement);
      produced.push(await send(producer, spec.topics.agreements, agreement.staffId, value, agreement.effectiveFrom));
    }
    mark('agreementsSent');
    await until('the pipeline to read the agreements', () => caughtUp(admin, spec.topics.agreements));

    mark('agreementsRead');
    for (const event of spec.events || []) {
      const value = await serializer.serialize(spec.topics.accessEvents, event);
      produced.push({
        eventId: event.eventId,
        ...(await send(producer, spec.topics.accessEvents, event.staffId, value, event.occurredAt)),
      });
    }
    for (const junk of spec.junk || []) {
      const value = Buffer.from(junk.hex, 'hex');
      produced.push({ junk: true, ...(await send(producer, spec.topics.accessEvents, junk.key, value, undefined)) });
    }
    mark('eventsSent');
    await until('the pipeline to read the access events', () => caughtUp(admin, spec.topics.accessEvents));
  } finally {
    await producer.disconnect();
    await admin.disconnect();
  }

  mark('eventsRead');
  const alerts = [];
  const deadLetters = [];
  await readAll([spec.topics.alerts, spec.topics.deadLetter], async (topic, partition, message) => {
    const key = message.key === null ? null : message.key.toString('utf8');
    if (topic === spec.topics.alerts) {
      const alert = await deserializer.deserialize(topic, message.value);
      alerts.push({
        key,
        partition,
        alertId: alert.alertId,
        ruleId: alert.ruleId,
        severity: alert.severity,
        eventId: alert.eventId,
        staffId: alert.staffId,
        agreementStatus: alert.agreementStatus,
      });
    } else {
      const headers = {};
      for (const [name, value] of Object.entries(message.headers || {})) {
        headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
      }
      deadLetters.push({
        key: message.key === null ? null : message.key.toString('hex'),
        value: message.value === null ? null : message.value.toString('hex'),
        headers,
      });
    }
  });
  mark('outputsRead');
  process.stdout.write(JSON.stringify({ produced, alerts, deadLetters, timings }));
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
