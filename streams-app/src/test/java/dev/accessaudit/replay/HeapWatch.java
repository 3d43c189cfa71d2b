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

  /**
   * With -Dbench.gc=SECONDS, a full collection is forced that often and the heap still in use right
   * after it is the live data, exactly (the collectors' own after-collection figures include old
   * garbage not yet collected). Costs the run some throughput: measure speed without it.
   */
  private static final long GC_EVERY_NANOS =
      java.util.concurrent.TimeUnit.SECONDS.toNanos(Long.getLong("bench.gc", 0));

  private final List<MemoryPoolMXBean> pools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peakUsed;
  private volatile long peakAfterGc;
  private volatile long peakLive;

  HeapWatch() {
    System.gc();
    sampler = new Thread(this::sample, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    long nextGc = System.nanoTime() + GC_EVERY_NANOS;
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
      if (GC_EVERY_NANOS > 0 && System.nanoTime() >= nextGc) {
        System.gc();
        peakLive = Math.max(peakLive, heapUsed());
        nextGc = System.nanoTime() + GC_EVERY_NANOS;
      }
      try {
        Thread.sleep(SAMPLE_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The peaks, in MiB, as one line. */
  String summary() {
    String live =
        GC_EVERY_NANOS > 0
            ? String.format(java.util.Locale.ROOT, ", %d MiB live (forced GCs)", peakLive >> 20)
            : "";
    return String.format(
        java.util.Locale.ROOT,
        "peak heap %d MiB used, %d MiB after GC%s (max heap %d MiB)",
        peakUsed >> 20,
        peakAfterGc >> 20,
        live,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private long heapUsed() {
    long used = 0;
    for (MemoryPoolMXBean pool : pools) {
      used += pool.getUsage().getUsed();
    }
    return used;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
