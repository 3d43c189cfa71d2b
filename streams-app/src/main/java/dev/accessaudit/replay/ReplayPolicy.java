package dev.accessaudit.replay;

import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyFile;
import dev.accessaudit.streams.policy.PolicyFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The policy a replay judges with, and the name reports give it: a policy file, or the shipped
 * default policy the pipeline uses when none is configured. Policy loading for replay and
 * who-accessed lives here only.
 *
 * @param policy the policy
 * @param name the file name, or "default"
 */
public record ReplayPolicy(Policy policy, String name) {

  /**
   * The policy in {@code file}, or the shipped default.
   *
   * @throws IllegalArgumentException with one sentence when the file cannot be used
   */
  public static ReplayPolicy load(Optional<Path> file) {
    if (file.isEmpty()) {
      return builtIn();
    }
    Path path = file.get();
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException(
          "policy file " + path + " does not exist or is unreadable");
    }
    try {
      return new ReplayPolicy(PolicyFile.load(path), path.getFileName().toString());
    } catch (PolicyFileException e) {
      int count = e.problems().size();
      throw new IllegalArgumentException(
          String.format(
              "policy file %s is not valid (%d problem%s, the first: %s); ./audit policy validate"
                  + " %s lists them all",
              path, count, count == 1 ? "" : "s", e.problems().get(0), path),
          e);
    }
  }

  /** The shipped default policy, as the pipeline uses it when no policy file is configured. */
  public static ReplayPolicy builtIn() {
    return new ReplayPolicy(PolicyFile.defaultPolicy(), "default");
  }
}
