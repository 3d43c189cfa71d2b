package dev.accessaudit.producers.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until a moment of the wall clock; tests inject one that does not wait. */
@FunctionalInterface
public interface Pacer {

  /** Returns once {@code due} has come, at once when it already has. */
  void awaitUntil(Instant due) throws InterruptedException;

  /** A pacer that sleeps on the real thread until {@code clock} reaches the due time. */
  static Pacer sleeping(Clock clock) {
    return due -> {
      long millis = Duration.between(clock.instant(), due).toMillis();
      if (millis > 0) {
        Thread.sleep(millis);
      }
    };
  }
}
