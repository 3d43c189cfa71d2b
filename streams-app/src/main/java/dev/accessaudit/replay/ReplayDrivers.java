package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.topology.AuditTopics;
import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.TopicNames;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One {@link ReplayDriver} per partition of the access topic, as the live pipeline runs one task
 * per partition: each access and agreement record goes to its partition's driver, so each driver's
 * stream time, grace buffer, de-duplication store and windows see only that partition, as a live
 * task does. Every consent record goes to every driver: an access needing the visitor's consent is
 * judged in its staff member's driver, against the consent of any visitor (live, the consent
 * look-up runs in the visitor's task, behind a repartition topic).
 *
 * <p>The drivers run on worker threads, as a live instance runs its tasks on its stream threads:
 * each driver belongs to one worker, which pipes it its records in the order they were fed, so each
 * driver sees exactly what it would see alone. Drivers share nothing but the alert sink, and all
 * versions of an alert come from one driver, in order. A worker's failure stops the replay with
 * that failure.
 */
final class ReplayDrivers implements AutoCloseable {

  /** Records handed to a worker at once. */
  private static final int BATCH = 512;

  /** Batches a worker may have waiting: this bounds the memory between reading and judging. */
  private static final int QUEUED_BATCHES = 16;

  private final TopicNames names;
  private final int partitions;
  private final List<Worker> workers = new ArrayList<>();
  private final ReplayTally stateTally;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /**
   * @param threads how many worker threads run the drivers (at most one per partition)
   */
  ReplayDrivers(
      int partitions,
      int threads,
      TopicNames names,
      AuditTopics topics,
      PipelineOptions options,
      Policy policy,
      Clock clock,
      ReplayRequest request,
      Consumer<ComplianceAlert> alertSink,
      JudgedEvents judged) {
    this.names = names;
    this.partitions = partitions;
    this.stateTally = new ReplayTally(request, judged);
    Consumer<ComplianceAlert> sink =
        alert -> {
          synchronized (alertSink) {
            alertSink.accept(alert);
          }
        };
    int count = Math.max(1, Math.min(threads, partitions));
    for (int w = 0; w < count; w++) {
      List<Integer> own = new ArrayList<>();
      for (int p = w; p < partitions; p += count) {
        own.add(p);
      }
      workers.add(
          new Worker(
              w,
              own,
              () -> new ReplayDriver(names, topics, options, policy, clock, sink),
              new ReplayTally(request, judged)));
    }
    workers.forEach(Worker::start);
  }

  /** Hands a record of the feed to the driver(s) it belongs to. */
  void feed(FeedRecord record) {
    String topic = record.raw().topic();
    if (topic.equals(names.consents())) {
      stateTally.stateRecord();
      for (Worker worker : workers) {
        for (int p : worker.partitions) {
          worker.add(new Item(p, record, false));
        }
      }
      return;
    }
    int p = partitionOf(record);
    boolean access = topic.equals(names.accessEvents());
    if (!access) {
      stateTally.stateRecord();
    }
    workers.get(p % workers.size()).add(new Item(p, record, access));
  }

  /**
   * Waits until every driver has judged every record fed, and gives the counts.
   *
   * @throws IllegalStateException with a worker's failure as its cause, if one failed
   */
  ReplayTally finish() {
    workers.forEach(Worker::end);
    for (Worker worker : workers) {
      worker.join();
    }
    rethrowFailure();
    ReplayTally total = stateTally;
    workers.forEach(w -> total.add(w.tally));
    return total;
  }

  private int partitionOf(FeedRecord record) {
    int p = record.raw().partition();
    if (p >= partitions) {
      throw new IllegalStateException(
          String.format(
              "%s has more partitions than %s (%d); the pipeline refuses to start on such topics,"
                  + " so there is nothing to replay",
              record.raw().topic(), names.accessEvents(), partitions));
    }
    return p;
  }

  private void rethrowFailure() {
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException("the replay failed: " + t.getMessage(), t);
    }
  }

  /** Stops the workers (after a failure, at once) and closes their drivers. */
  @Override
  public void close() {
    failure.compareAndSet(null, new CancellationMarker());
    workers.forEach(Worker::interrupt);
    workers.forEach(Worker::join);
  }

  /** A record for one driver; {@code access} says whether its outcome is counted. */
  private record Item(int partition, FeedRecord record, boolean access) {}

  /** Set as the failure when the replay is closed before it finished: workers stop quietly. */
  private static final class CancellationMarker extends RuntimeException {
    CancellationMarker() {
      super("the replay was stopped", null, false, false);
    }
  }

  private final class Worker {

    private final List<Integer> partitions;
    private final java.util.function.Supplier<ReplayDriver> newDriver;
    private final BlockingQueue<List<Item>> inbox = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private final ReplayTally tally;
    private List<Item> batch = new ArrayList<>(BATCH);

    Worker(
        int index,
        List<Integer> partitions,
        java.util.function.Supplier<ReplayDriver> newDriver,
        ReplayTally tally) {
      this.partitions = partitions;
      this.newDriver = newDriver;
      this.tally = tally;
      this.thread = new Thread(this::run, "audit-replay-" + index);
      this.thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    void add(Item item) {
      batch.add(item);
      if (batch.size() == BATCH) {
        handOver();
      }
    }

    /** Hands over what is batched and an empty batch, which tells the worker the feed ended. */
    void end() {
      if (!batch.isEmpty()) {
        handOver();
      }
      handOver();
    }

    private void handOver() {
      List<Item> full = batch;
      batch = new ArrayList<>(BATCH);
      try {
        while (!inbox.offer(full, 100, TimeUnit.MILLISECONDS)) {
          if (failure.get() != null || !thread.isAlive()) {
            rethrowFailure();
            throw new IllegalStateException("a replay worker stopped unexpectedly");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while replaying", e);
      }
    }

    private void run() {
      List<ReplayDriver> drivers = new ArrayList<>();
      try {
        for (int i = 0; i < partitions.size(); i++) {
          drivers.add(newDriver.get());
        }
        for (List<Item> items = inbox.take(); !items.isEmpty(); items = inbox.take()) {
          for (Item item : items) {
            ReplayDriver driver = drivers.get(partitions.indexOf(item.partition()));
            if (item.access()) {
              tally.access(item.record(), driver.pipeAccess(item.record()));
            } else {
              driver.pipe(item.record());
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        closeAll(drivers);
      }
    }

    private void closeAll(List<ReplayDriver> drivers) {
      for (ReplayDriver driver : drivers) {
        try {
          driver.close();
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        }
      }
    }

    void interrupt() {
      thread.interrupt();
    }

    void join() {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the replay", e);
      }
    }
  }
}
