package dev.accessaudit.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: byte 0 is {@code 0x00}, bytes 1-4 the schema id (big-endian int32), then
 * the Avro binary encoding of the record.
 */
final class WireFormat {

  static final byte MAGIC_BYTE = 0x00;
  static final int HEADER_LENGTH = 5;

  private WireFormat() {}

  /** The 5-byte header for a schema id. */
  static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /**
   * The schema id of a framed payload.
   *
   * @param what "value" or "key", for the message
   * @throws SerializationException with one sentence when the payload is not in the format
   */
  static int schemaId(byte[] data, String what) {
    if (data.length < HEADER_LENGTH) {
      throw new SerializationException(
          what
              + " is not in the Confluent wire format: it has "
              + data.length
              + " bytes, fewer than the 5-byte header (0x00 and a schema id)");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(
          what
              + " is not in the Confluent wire format: first byte is "
              + String.format("0x%02x", data[0])
              + ", expected 0x00");
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
