package dev.accessaudit.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Runs the scripts of src/test/node (Confluent's JS schema registry client, KafkaJS) with the
 * machine's Node.js, installed with {@code npm ci} into target/node-interop. When node or npm is
 * missing or the install fails (no npm registry), {@link #assumeReady} skips each test with the
 * reason: never a failure for that.
 */
public final class NodeInterop {

  private static final Path SOURCE = Path.of("src/test/node");
  private static final Path WORK = Path.of("target/node-interop");
  private static final List<String> PACKAGES = List.of("@confluentinc/schemaregistry", "kafkajs");

  private NodeInterop() {}

  /** Where the JS clients are installed, or why they could not be. */
  public record Setup(Path work, String unavailable) {}

  /** Skips the calling test, with the reason, when the JS clients are not available. */
  public static void assumeReady(Setup setup) {
    assumeTrue(setup.unavailable() == null, setup::unavailable);
  }

  /** Installs the JS clients once, or says why it cannot. */
  public static Setup prepare() throws IOException, InterruptedException {
    String missing = missingTool("node");
    missing = missing != null ? missing : missingTool("npm");
    if (missing != null) {
      return unavailable(missing);
    }
    Files.createDirectories(WORK);
    boolean sameLock = sameFile("package-lock.json");
    for (Path file : sources()) {
      Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    boolean installed =
        PACKAGES.stream()
            .allMatch(p -> Files.exists(WORK.resolve("node_modules").resolve(p + "/package.json")));
    if (!sameLock || !installed) {
      Result install = run(WORK, 300, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
      if (install.exit() != 0) {
        return unavailable(
            "npm ci of "
                + String.join(" and ", PACKAGES)
                + " failed (no npm registry?): "
                + install.firstErrorLine());
      }
    }
    return new Setup(WORK, null);
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.list(SOURCE)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().matches(".*\\.(js|json)"))
          .toList();
    }
  }

  private static Setup unavailable(String reason) {
    System.err.println("Node.js interop tests skipped: " + reason);
    return new Setup(WORK, "skipped: " + reason);
  }

  /** Runs interop.js with the arguments and returns what it printed; fails on a non-zero exit. */
  public static String interop(Path work, String... args) throws IOException, InterruptedException {
    return script(work, "interop.js", 60, args);
  }

  /**
   * Runs one script of src/test/node with the arguments and returns what it printed on stdout;
   * fails, with what it printed on stderr, on a non-zero exit or after the timeout.
   */
  public static String script(Path work, String script, long timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(Arrays.asList(args));
    Result result = run(work, timeoutSeconds, command.toArray(String[]::new));
    if (result.exit() != 0) {
      String what = args.length > 0 ? script + " " + args[0] : script;
      throw new AssertionError(what + " failed: " + result.stderr());
    }
    return result.stdout();
  }

  /** A record as avsc (the JS Avro library) represents it: plain unions, enums as strings. */
  public static Map<String, Object> asJsObject(SpecificRecord record) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      if (value instanceof Instant instant) {
        value = instant.toEpochMilli();
      } else if (value instanceof Enum<?> symbol) {
        value = symbol.name();
      }
      object.put(field.name(), value);
    }
    return object;
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
      return tool + " does not run here; the Node.js interop tests need Node.js and npm";
    } catch (IOException e) {
      return tool + " is not installed; the Node.js interop tests need Node.js and npm";
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
        process.waitFor(10, TimeUnit.SECONDS);
        return new Result(
            -1,
            "",
            String.join(" ", command)
                + " timed out after "
                + timeoutSeconds
                + " s; it printed:\n"
                + Files.readString(err, StandardCharsets.UTF_8));
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
