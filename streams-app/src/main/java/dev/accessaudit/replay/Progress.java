package dev.accessaudit.replay;

/**
 * Hears how far a replay has got: a phase with a number of records to read, then advances. The
 * command line shows it as a progress bar on a terminal; elsewhere it is {@link #NONE}.
 */
public interface Progress {

  /** Reports nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void begin(String phase, long total) {}

        @Override
        public void advance(long records) {}

        @Override
        public void end() {}
      };

  /** A new phase starts with {@code total} records to read (an estimate from offsets). */
  void begin(String phase, long total);

  /** {@code records} more records were read. */
  void advance(long records);

  /** The phase is over. */
  void end();
}
