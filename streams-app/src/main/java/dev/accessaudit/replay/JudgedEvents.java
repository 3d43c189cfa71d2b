package dev.accessaudit.replay;

import java.nio.charset.StandardCharsets;

/**
 * The eventIds a replay judged for its period, kept on disk ({@link DiskStore}) when the request
 * asks for them ({@code --diff} compares only the live alerts of accesses the replay read); else
 * none are kept. Safe for the replay's workers to add to at once.
 */
public final class JudgedEvents implements AutoCloseable {

  private static final byte[] PRESENT = new byte[0];

  private final DiskStore store;

  private JudgedEvents(DiskStore store) {
    this.store = store;
  }

  /** A set kept on disk, empty. */
  static JudgedEvents onDisk() {
    return new JudgedEvents(DiskStore.open("the judged event ids"));
  }

  /** A set that keeps nothing. */
  static JudgedEvents notKept() {
    return new JudgedEvents(null);
  }

  void add(String eventId) {
    if (store != null) {
      store.put(eventId.getBytes(StandardCharsets.UTF_8), PRESENT);
    }
  }

  /**
   * Whether the replay judged this event.
   *
   * @throws IllegalStateException if the request did not ask to keep them
   */
  public boolean contains(String eventId) {
    if (store == null) {
      throw new IllegalStateException("this replay did not keep its event ids");
    }
    return store.get(eventId.getBytes(StandardCharsets.UTF_8)) != null;
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
