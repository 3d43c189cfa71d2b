package dev.accessaudit.replay;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on one terminal line, redrawn at most five times a second: the phase, a bar, the
 * share done, records read of the total, the rate and the time left. Meant for stderr when it is a
 * terminal; the command line uses {@link Progress#NONE} when output is piped.
 */
public final class TerminalProgress implements Progress {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int CHECK_EVERY = 4096;

  private final PrintWriter out;
  private final LongSupplier nanoTime;
  private String phase = "";
  private long total;
  private long done;
  private long started;
  private long lastDrawn;
  private int sinceCheck;

  public TerminalProgress(PrintWriter out, LongSupplier nanoTime) {
    this.out = out;
    this.nanoTime = nanoTime;
  }

  public TerminalProgress(PrintWriter out) {
    this(out, System::nanoTime);
  }

  @Override
  public void begin(String phase, long total) {
    this.phase = phase;
    this.total = Math.max(total, 0);
    this.done = 0;
    this.started = nanoTime.getAsLong();
    this.lastDrawn = started;
    draw();
  }

  @Override
  public void advance(long records) {
    done += records;
    if (++sinceCheck < CHECK_EVERY) {
      return;
    }
    sinceCheck = 0;
    long now = nanoTime.getAsLong();
    if (now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      draw();
    }
  }

  @Override
  public void end() {
    draw();
    out.print('\n');
    out.flush();
  }

  /** The line as drawn, without the carriage return. */
  String line() {
    double seconds = Math.max((nanoTime.getAsLong() - started) / 1e9, 1e-3);
    double rate = done / seconds;
    double share = total == 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(share * WIDTH);
    String eta = rate <= 0 || done >= total ? "-" : duration((total - done) / rate);
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3.0f%% %,d/%,d  %,.0f rec/s  ETA %s",
        phase,
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        share * 100,
        done,
        total,
        rate,
        eta);
  }

  private void draw() {
    out.print("\r" + line() + "\u001b[K");
    out.flush();
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
