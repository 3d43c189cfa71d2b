// Serializes and deserializes an AccessEvent with Confluent's JS schema registry client
// (@confluentinc/schemaregistry), against the registry at the given URL, subjects by topic name.
//
//   node interop.js serialize   <registryUrl> <topic> <schemaFile> <recordJsonFile>
//       registers the schema under <topic>-value, then writes the record with the latest
//       version; prints {"id": <schema id>, "hex": "<wire bytes>"}
//   node interop.js deserialize <registryUrl> <topic> <hex>
//       prints the decoded record as JSON
'use strict';

const fs = require('fs');
const {
  SchemaRegistryClient,
  AvroSerializer,
  AvroDeserializer,
  SerdeType,
  SubjectNameStrategyType,
} = require('@confluentinc/schemaregistry');

function client(url) {
  return new SchemaRegistryClient({ baseURLs: [url], maxRetries: 0 });
}

async function serialize(url, topic, schemaFile, recordFile) {
  const registry = client(url);
  const schema = fs.readFileSync(schemaFile, 'utf8');
  const id = await registry.register(`${topic}-value`, { schemaType: 'AVRO', schema });
  const serializer = new AvroSerializer(registry, SerdeType.VALUE, {
    autoRegisterSchemas: false,
    useLatestVersion: true,
    subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
  });
  const record = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
  const bytes = await serializer.serialize(topic, record);
  return { id, hex: bytes.toString('hex') };
}

async function deserialize(url, topic, hex) {
  const deserializer = new AvroDeserializer(client(url), SerdeType.VALUE, {
    subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
  });
  return deserializer.deserialize(topic, Buffer.from(hex, 'hex'));
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const result =
    command === 'serialize' ? await serialize(...args)
    : command === 'deserialize' ? await deserialize(...args)
    : null;
  if (result === null) {
    throw new Error(`unknown command ${command}`);
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
