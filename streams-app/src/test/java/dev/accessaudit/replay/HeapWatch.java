package dev.accessaudit.replay;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Samples the heap while a benchmark run goes on, for its peak: the most heap in use at any sample
 * (garbage included, so it depends on -Xmx), and the most still in use right after a collection
 * (the live data, which is what must stay flat as histories grow).
 */
final class HeapWatch implements AutoCloseable {

  private static final long SAMPLE_MS = 20;

  private final List<MemoryPoolMXBean> pools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peakUsed;
  private volatile long peakAfterGc;

  HeapWatch() {
    System.gc();
    sampler = new Thread(this::sample, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (running) {
      long used = 0;
      long afterGc = 0;
      for (MemoryPoolMXBean pool : pools) {
        used += pool.getUsage().getUsed();
        var collected = pool.getCollectionUsage();
        afterGc += collected == null ? 0 : collected.getUsed();
      }
      peakUsed = Math.max(peakUsed, used);
      peakAfterGc = Math.max(peakAfterGc, afterGc);
      try {
        Thread.sleep(SAMPLE_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The peaks, in MiB, as one line. */
  String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "peak heap %d MiB used, %d MiB live after GC (max heap %d MiB)",
        peakUsed >> 20,
        peakAfterGc >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
