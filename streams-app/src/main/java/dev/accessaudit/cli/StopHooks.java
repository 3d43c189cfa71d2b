package dev.accessaudit.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for long-running commands. On SIGINT or SIGTERM the JVM runs the registered stop action
 * (which makes the command return), waits for the command to finish its clean shutdown, and then
 * ends the JVM with the command's exit code: stopping a demo with Ctrl-C is a success, exit 0.
 */
final class StopHooks {
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final CountDownLatch FINISHED = new CountDownLatch(1);
  private static volatile int exitCode = 1;

  private StopHooks() {}

  static void install(Runnable stop) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndWait(stop), "audit-stop"));
  }

  /** Called by the front end once the command has returned, with its exit code. */
  static void finished(int code) {
    exitCode = code;
    FINISHED.countDown();
  }

  private static void stopAndWait(Runnable stop) {
    stop.run();
    try {
      if (FINISHED.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        Runtime.getRuntime().halt(exitCode);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
