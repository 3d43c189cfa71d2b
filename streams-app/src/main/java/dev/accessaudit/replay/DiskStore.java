package dev.accessaudit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.Stream;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * Byte keys and values kept on disk in key order, for what a replay collects in proportion to its
 * period (alerts, judged event ids), so its heap does not grow with the period. A RocksDB database
 * in a temporary directory, deleted on {@link #close()}, without a write-ahead log (nothing in it
 * outlives the process); its memory is RocksDB's write buffer and block cache, outside the Java
 * heap. Safe for concurrent use; closing while others use it is not.
 */
final class DiskStore implements AutoCloseable {

  private static final long WRITE_BUFFER_BYTES = 16L << 20;

  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final Options options;
  private final WriteOptions writeOptions;
  private final RocksDB db;
  private final Set<Cursor> open = Collections.newSetFromMap(new IdentityHashMap<>());
  private volatile boolean closed;

  private DiskStore(Path directory) throws RocksDBException {
    this.directory = directory;
    this.options =
        new Options()
            .setCreateIfMissing(true)
            .setWriteBufferSize(WRITE_BUFFER_BYTES)
            .setCompressionType(CompressionType.LZ4_COMPRESSION);
    this.writeOptions = new WriteOptions().setDisableWAL(true);
    this.db = RocksDB.open(options, directory.toString());
  }

  /**
   * An empty store in a new temporary directory.
   *
   * @param what what it will hold, for the error if it cannot be made, e.g. "the alerts"
   */
  static DiskStore open(String what) {
    Path directory = null;
    try {
      directory = Files.createTempDirectory("access-audit-replay-");
      return new DiskStore(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for " + what, e);
    } catch (RocksDBException e) {
      deleteQuietly(directory);
      throw new IllegalStateException(
          "cannot open a store for " + what + " in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The value under {@code key}, or null. */
  byte[] get(byte[] key) {
    checkOpen();
    try {
      return db.get(key);
    } catch (RocksDBException e) {
      throw failed(e);
    }
  }

  void put(byte[] key, byte[] value) {
    checkOpen();
    try {
      db.put(writeOptions, key, value);
    } catch (RocksDBException e) {
      throw failed(e);
    }
  }

  void delete(byte[] key) {
    checkOpen();
    try {
      db.delete(writeOptions, key);
    } catch (RocksDBException e) {
      throw failed(e);
    }
  }

  /**
   * A cursor over the values in key order, from the first; {@link Cursor#release} it when done
   * (closing the store releases what is left).
   */
  synchronized Cursor cursor() {
    if (closed) {
      throw new IllegalStateException("the replay's store is closed");
    }
    Cursor cursor = new Cursor(db.newIterator());
    open.add(cursor);
    return cursor;
  }

  /** A place in the store; once released (or the store closed), it is at its end. */
  final class Cursor {

    private final RocksIterator iterator;
    private boolean released;

    private Cursor(RocksIterator iterator) {
      this.iterator = iterator;
      iterator.seekToFirst();
    }

    /** Whether there is a value here; releases the cursor at the end. */
    boolean valid() {
      synchronized (DiskStore.this) {
        if (!released && !iterator.isValid()) {
          release();
        }
        return !released;
      }
    }

    /** The value here, and moves to the next. */
    byte[] take() {
      synchronized (DiskStore.this) {
        if (!valid()) {
          throw new java.util.NoSuchElementException();
        }
        byte[] value = iterator.value();
        iterator.next();
        return value;
      }
    }

    void release() {
      synchronized (DiskStore.this) {
        if (!released) {
          released = true;
          open.remove(this);
          iterator.close();
        }
      }
    }
  }

  /** Releases the store and deletes its directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    new ArrayList<>(open).forEach(Cursor::release);
    db.close();
    writeOptions.close();
    options.close();
    deleteQuietly(directory);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the replay's store is closed");
    }
  }

  private static IllegalStateException failed(RocksDBException e) {
    return new IllegalStateException("the replay's store on disk failed: " + e.getMessage(), e);
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless: the system clears its temporary files
    }
  }
}
