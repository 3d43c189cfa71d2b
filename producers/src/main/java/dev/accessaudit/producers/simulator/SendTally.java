package dev.accessaudit.producers.simulator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counts what a driver sent and what failed; failures arrive on the producers' threads. */
final class SendTally {

  private long accessEvents;
  private long expectedViolations;
  private long expectedAlerts;
  private long agreements;
  private long removals;
  private long late;
  private long consents;
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  long accessEvents() {
    return accessEvents;
  }

  void access(SimulatedRecord.Access a, CompletableFuture<?> sent) {
    accessEvents++;
    expectedViolations += a.violation() ? 1 : 0;
    expectedAlerts += a.expectedRuleIds().size();
    watch(sent);
  }

  void agreement(boolean isLate, CompletableFuture<?> sent) {
    agreements++;
    late += isLate ? 1 : 0;
    watch(sent);
  }

  void removal(boolean isLate, CompletableFuture<?> sent) {
    removals++;
    late += isLate ? 1 : 0;
    watch(sent);
  }

  void consent(CompletableFuture<?> sent) {
    consents++;
    watch(sent);
  }

  private void watch(CompletableFuture<?> sent) {
    sent.whenComplete(
        (ok, error) -> {
          if (error != null) {
            failed.incrementAndGet();
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            firstFailure.compareAndSet(null, String.valueOf(cause.getMessage()));
          }
        });
  }

  SimulationResult result() {
    return new SimulationResult(
        accessEvents,
        expectedViolations,
        expectedAlerts,
        agreements,
        removals,
        late,
        consents,
        failed.get(),
        firstFailure.get());
  }
}
