package dev.accessaudit.replay;

import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The alerts that stand, in report order (by occurredAt, then alertId), kept on disk so that a
 * replay of any length needs the same heap: what a consumer of the alerts topic keeping the latest
 * record per alertId sees. A retraction removes its alert; a later version replaces it.
 *
 * <pre>{@code
 * try (AlertLog alerts = AlertLog.open()) {
 *   published.forEach(alerts::keepLatest);
 *   for (ComplianceAlert alert : alerts) { ... }
 * }
 * }</pre>
 *
 * <p>An alert's key on disk ({@link DiskStore}) is its occurredAt (big-endian, sign bit flipped, so
 * bytes sort as times do) then its alertId; every version of an alert has the same occurredAt, its
 * access's. An iteration may be read to its end or left; {@code close} releases what is left open.
 * One writer at a time.
 */
public final class AlertLog implements Iterable<ComplianceAlert>, AutoCloseable {

  /** The order of alerts in every report, and of an alert log: by access time, then alertId. */
  public static final Comparator<ComplianceAlert> REPORT_ORDER =
      Comparator.comparing(ComplianceAlert::getOccurredAt)
          .thenComparing(ComplianceAlert::getAlertId);

  private final DiskStore store;
  private final SpecificDatumWriter<ComplianceAlert> writer =
      new SpecificDatumWriter<>(ComplianceAlert.class);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  private BinaryEncoder encoder;
  private long size;

  private AlertLog(DiskStore store) {
    this.store = store;
  }

  /** An empty log in a new temporary directory. */
  public static AlertLog open() {
    return new AlertLog(DiskStore.open("the alerts"));
  }

  /** A log holding {@code alerts}, each kept as {@link #keepLatest} keeps it, in their order. */
  public static AlertLog of(Iterable<ComplianceAlert> alerts) {
    AlertLog log = open();
    alerts.forEach(log::keepLatest);
    return log;
  }

  /** Keeps {@code alert} as the latest version of its alertId, or forgets it if retracted. */
  public void keepLatest(ComplianceAlert alert) {
    byte[] key = key(alert);
    boolean present = store.get(key) != null;
    if (alert.getStatus() == AlertStatus.RETRACTED) {
      if (present) {
        store.delete(key);
        size--;
      }
    } else {
      store.put(key, encode(alert));
      size += present ? 0 : 1;
    }
  }

  /** How many alerts stand. */
  public long size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The alerts in report order, read from disk as the iteration goes. */
  @Override
  public Iterator<ComplianceAlert> iterator() {
    return new Cursor();
  }

  /** The alerts in report order; closing the stream releases its place in the log. */
  public Stream<ComplianceAlert> stream() {
    Cursor cursor = new Cursor();
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(cursor::release);
  }

  /** Deletes the log from disk. */
  @Override
  public void close() {
    store.close();
  }

  private static byte[] key(ComplianceAlert alert) {
    byte[] id = alert.getAlertId().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Long.BYTES + id.length)
        .putLong(alert.getOccurredAt().toEpochMilli() ^ Long.MIN_VALUE)
        .put(id)
        .array();
  }

  private byte[] encode(ComplianceAlert alert) {
    buffer.reset();
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    try {
      writer.write(alert, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode an alert", e);
    }
    return buffer.toByteArray();
  }

  /** One iteration over the log; releases its place on disk at its end or on close. */
  private final class Cursor implements Iterator<ComplianceAlert> {

    private final DiskStore.Cursor cursor = store.cursor();
    private final SpecificDatumReader<ComplianceAlert> reader =
        new SpecificDatumReader<>(ComplianceAlert.class);
    private BinaryDecoder decoder;

    @Override
    public boolean hasNext() {
      return cursor.valid();
    }

    @Override
    public ComplianceAlert next() {
      decoder = DecoderFactory.get().binaryDecoder(cursor.take(), decoder);
      try {
        return reader.read(null, decoder);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot decode an alert kept on disk", e);
      }
    }

    void release() {
      cursor.release();
    }
  }
}
