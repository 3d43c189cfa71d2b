package dev.accessaudit.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/** Threads a command runs beside its main loop; closing stops each and waits for it, last first. */
final class Background implements AutoCloseable {
  private static final long JOIN_MILLIS = 15_000;

  private record Task(Thread thread, Runnable stop) {}

  private final Deque<Task> tasks = new ArrayDeque<>();

  void start(String name, Runnable body, Runnable stop) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    tasks.push(new Task(thread, stop));
    thread.start();
  }

  @Override
  public void close() {
    while (!tasks.isEmpty()) {
      Task task = tasks.pop();
      task.stop().run();
      try {
        task.thread().join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
