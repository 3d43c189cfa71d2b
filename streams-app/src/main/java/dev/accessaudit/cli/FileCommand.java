package dev.accessaudit.cli;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.producers.files.InvalidFileException;
import dev.accessaudit.producers.files.LineError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Publishes a file all or nothing: every line is read and validated first; on any invalid line each
 * is reported as {@code FILE:LINE: problem}, nothing is published and the exit code is 2.
 *
 * @param <T> the record type in the file
 */
abstract class FileCommand<T> implements Callable<Integer> {
  /** Publishes records of one type; the publishers of the producers library, adapted. */
  interface Sink<T> extends AutoCloseable {
    CompletableFuture<?> publish(T record);

    @Override
    void close();

    static <T> Sink<T> of(Function<T, CompletableFuture<?>> publish, Runnable close) {
      return new Sink<>() {
        @Override
        public CompletableFuture<?> publish(T record) {
          return publish.apply(record);
        }

        @Override
        public void close() {
          close.run();
        }
      };
    }
  }

  @ParentCommand RootCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "FILE",
      description = "The file to publish.")
  Path file;

  abstract List<T> read(Path file) throws InvalidFileException;

  abstract Sink<T> open(AuditConfig config);

  /** What the records are called in messages, e.g. "access events". */
  abstract String noun();

  abstract String topic(AuditConfig config);

  @Override
  public Integer call() throws InterruptedException {
    AuditConfig config = common.load(root.context());
    List<T> records;
    try {
      records = read(file);
    } catch (InvalidFileException e) {
      return refuse(e);
    }
    int published = publishAll(config, records);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("published %d %s to %s%n", published, noun(), topic(config));
    out.flush();
    return 0;
  }

  private int refuse(InvalidFileException e) {
    PrintWriter err = spec.commandLine().getErr();
    for (LineError error : e.errors()) {
      err.println(
          error.line() == 0
              ? file + ": " + error.message()
              : file + ":" + error.line() + ": " + error.message());
    }
    long lines =
        e.errors().stream().filter(l -> l.line() > 0).map(LineError::line).distinct().count();
    String what =
        lines == 0
            ? "the file cannot be used"
            : lines + (lines == 1 ? " invalid line" : " invalid lines");
    err.println("audit: " + file + ": " + what + "; nothing was published");
    err.flush();
    return ErrorMessages.BAD_INPUT;
  }

  private int publishAll(AuditConfig config, List<T> records) throws InterruptedException {
    List<CompletableFuture<?>> sent = new ArrayList<>();
    try (Sink<T> sink = open(config)) {
      records.forEach(r -> sent.add(sink.publish(r)));
    }
    int done = 0;
    for (CompletableFuture<?> future : sent) {
      try {
        future.get();
        done++;
      } catch (ExecutionException e) {
        throw new PartialPublishException(done, sent.size(), noun(), e.getCause());
      }
    }
    return done;
  }
}
