package dev.accessaudit.app;

import dev.accessaudit.embedded.EmbeddedKafka;
import dev.accessaudit.embedded.EmbeddedKafkaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A real one-node KRaft cluster in this JVM for integration tests, ready for exactly-once: the
 * embedded mode's own broker ({@link EmbeddedKafka}), on a free port, with its data in a temporary
 * directory deleted on {@link #close()}. (Kafka's test kit cannot start from Maven Central alone
 * since 4.4.0: it needs the kafka-clients test jar, which is not published for that version.)
 */
public final class TestBroker implements AutoCloseable {

  private static final int PORT_TRIES = 3;

  private final Path dataDir;
  private final EmbeddedKafka kafka;

  private TestBroker(Path dataDir, EmbeddedKafka kafka) {
    this.dataDir = dataDir;
    this.kafka = kafka;
  }

  /** Starts a broker; another free port is tried if the one picked is taken meanwhile. */
  public static TestBroker start() throws IOException {
    Path dataDir = Files.createTempDirectory("audit-test-broker");
    for (int attempt = 1; ; attempt++) {
      try {
        return new TestBroker(dataDir, EmbeddedKafka.start(dataDir, freePort()));
      } catch (EmbeddedKafkaException e) {
        if (attempt == PORT_TRIES) {
          delete(dataDir);
          throw e;
        }
      }
    }
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The sum of the end offsets of every partition of {@code topic}. */
  public static long endOffsets(Admin admin, String topic)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get()
        .get(topic)
        .partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get().values().stream()
        .mapToLong(ListOffsetsResultInfo::offset)
        .sum();
  }

  @Override
  public void close() {
    try {
      kafka.close();
    } finally {
      delete(dataDir);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory does not fail a test run
    }
  }
}
