package dev.accessaudit.cli;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What commands take from the world, so tests can supply their own: the environment (for {@code
 * AUDIT_*} settings), a clock, whether stdout is a terminal, and how to learn about Ctrl-C.
 *
 * @param onStop registers an action to run when the user stops the program (Ctrl-C); the real one
 *     installs a JVM shutdown hook that waits for the command to finish cleanly
 */
public record CliContext(
    Map<String, String> env, Clock clock, boolean terminal, Consumer<Runnable> onStop) {

  public CliContext {
    env = Map.copyOf(env);
  }

  /** The real environment, UTC clock, console detection and shutdown hooks. */
  public static CliContext system() {
    return new CliContext(
        System.getenv(), Clock.systemUTC(), System.console() != null, StopHooks::install);
  }
}
