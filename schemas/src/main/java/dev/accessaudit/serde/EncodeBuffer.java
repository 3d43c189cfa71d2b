package dev.accessaudit.serde;

import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A thread's scratch space for writing Avro: a growable, unsynchronized byte buffer and the binary
 * encoder writing into it, both reused from record to record, so that writing a record allocates
 * nothing but the bytes it returns (a fresh encoder would allocate its own 2 KiB buffer, and a
 * {@code ByteArrayOutputStream} regrows and locks on every write).
 */
final class EncodeBuffer extends OutputStream {

  private static final ThreadLocal<EncodeBuffer> PER_THREAD =
      ThreadLocal.withInitial(EncodeBuffer::new);

  private byte[] bytes = new byte[1024];
  private int count;
  private BinaryEncoder encoder;

  private EncodeBuffer() {}

  /** This thread's buffer, emptied, with {@code header} written. */
  static EncodeBuffer start(byte[] header) {
    EncodeBuffer buffer = PER_THREAD.get();
    buffer.count = 0;
    buffer.write(header, 0, header.length);
    buffer.encoder = EncoderFactory.get().binaryEncoder(buffer, buffer.encoder);
    return buffer;
  }

  /** The encoder to write the record with; {@link #toByteArray()} flushes it. */
  BinaryEncoder encoder() {
    return encoder;
  }

  /** Everything written since {@link #start}. */
  byte[] toByteArray() throws java.io.IOException {
    encoder.flush();
    return Arrays.copyOf(bytes, count);
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, count, len);
    count += len;
  }

  private void ensure(int more) {
    if (count + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
    }
  }
}
