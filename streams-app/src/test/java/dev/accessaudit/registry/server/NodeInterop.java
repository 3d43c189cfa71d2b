package dev.accessaudit.registry.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs src/test/node/interop.js (Confluent's JS schema registry client) with the machine's Node.js,
 * installed with {@code npm ci} into target/node-interop. When node or npm is missing or the
 * install fails (no npm registry), {@link #assumeReady} skips each test with the reason: never a
 * failure for that.
 */
final class NodeInterop {

  private static final Path SOURCE = Path.of("src/test/node");
  private static final Path WORK = Path.of("target/node-interop");
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "interop.js");

  private NodeInterop() {}

  /** Where the JS client is installed, or why it could not be. */
  record Setup(Path work, String unavailable) {}

  /** Skips the calling test, with the reason, when the JS client is not available. */
  static void assumeReady(Setup setup) {
    assumeTrue(setup.unavailable() == null, setup::unavailable);
  }

  /** Installs the JS client once, or says why it cannot. */
  static Setup prepare() throws IOException, InterruptedException {
    String missing = missingTool("node");
    missing = missing != null ? missing : missingTool("npm");
    if (missing != null) {
      return unavailable(missing);
    }
    Files.createDirectories(WORK);
    boolean sameLock = sameFile("package-lock.json");
    for (String file : FILES) {
      Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Path installed = WORK.resolve("node_modules/@confluentinc/schemaregistry/package.json");
    if (!sameLock || !Files.exists(installed)) {
      Result install = run(WORK, 300, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
      if (install.exit() != 0) {
        return unavailable(
            "npm ci of @confluentinc/schemaregistry failed (no npm registry?): "
                + install.firstErrorLine());
      }
    }
    return new Setup(WORK, null);
  }

  private static Setup unavailable(String reason) {
    System.err.println("ConfluentJsInteropIT skipped: " + reason);
    return new Setup(WORK, "skipped: " + reason);
  }

  /** Runs interop.js with the arguments and returns what it printed; fails on a non-zero exit. */
  static String interop(Path work, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "interop.js"));
    command.addAll(Arrays.asList(args));
    Result result = run(work, 60, command.toArray(String[]::new));
    if (result.exit() != 0) {
      throw new AssertionError("interop.js " + args[0] + " failed: " + result.stderr());
    }
    return result.stdout();
  }

  record Result(int exit, String stdout, String stderr) {
    String firstErrorLine() {
      return stderr
          .lines()
          .filter(line -> line.contains("error") && !line.contains("complete log"))
          .findFirst()
          .orElse("exit code " + exit);
    }
  }

  private static String missingTool(String tool) throws InterruptedException {
    try {
      if (run(Path.of("."), 60, tool, "--version").exit() == 0) {
        return null;
      }
      return tool + " does not run here; the Confluent JS interop test needs Node.js and npm";
    } catch (IOException e) {
      return tool + " is not installed; the Confluent JS interop test needs Node.js and npm";
    }
  }

  private static boolean sameFile(String name) throws IOException {
    Path copy = WORK.resolve(name);
    return Files.exists(copy)
        && Arrays.equals(Files.readAllBytes(copy), Files.readAllBytes(SOURCE.resolve(name)));
  }

  private static Result run(Path dir, long timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("interop", ".out");
    Path err = Files.createTempFile("interop", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(
            -1, "", String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
