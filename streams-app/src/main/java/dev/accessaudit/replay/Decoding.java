package dev.accessaudit.replay;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes one value, answering null where the pipeline's deserializer rejects the record (not in
 * the wire format, unknown schema id, corrupt Avro). Other failures, such as an unreachable schema
 * registry, are not about the record and propagate.
 */
final class Decoding {

  private Decoding() {}

  static <V> V decode(Deserializer<V> deserializer, String topic, byte[] bytes) {
    try {
      return deserializer.deserialize(topic, bytes);
    } catch (SerializationException undecodable) {
      // the pipeline's deserialization handler dead-letters such a record; a replay skips it
      return null;
    }
  }
}
