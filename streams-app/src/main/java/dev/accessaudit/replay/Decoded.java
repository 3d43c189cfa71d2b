package dev.accessaudit.replay;

/**
 * The value the feed already decoded for the record a worker thread is piping into its driver: the
 * topology's input deserializer takes it for those very bytes instead of decoding them a second
 * time. Same bytes, same decoder, same value; only the work is saved.
 */
final class Decoded {

  private static final ThreadLocal<Decoded> PIPING = new ThreadLocal<>();

  private final byte[] bytes;
  private final Object value;

  private Decoded(byte[] bytes, Object value) {
    this.bytes = bytes;
    this.value = value;
  }

  /** Runs {@code piping} with the record's decoded value known for its value bytes. */
  static void whilePiping(FeedRecord record, Runnable piping) {
    if (!record.decodable() || record.value() == null) {
      piping.run();
      return;
    }
    PIPING.set(new Decoded(record.raw().value(), record.value()));
    try {
      piping.run();
    } finally {
      PIPING.remove();
    }
  }

  /** The value already decoded from exactly these bytes (the same array), or null. */
  static <V> V of(byte[] bytes, Class<V> type) {
    Decoded known = PIPING.get();
    return known != null && known.bytes == bytes && type.isInstance(known.value)
        ? type.cast(known.value)
        : null;
  }
}
