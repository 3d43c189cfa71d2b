package dev.accessaudit.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One combined KRaft node (broker and controller) running in this JVM, for embedded mode.
 *
 * <p>It listens with PLAINTEXT on 127.0.0.1 only and advertises {@code localhost:<port>}. Data
 * lives under the given directory and survives restarts: the directory is formatted once, with a
 * new cluster id kept in its {@code meta.properties}, and never again. Internal topics have
 * replication factor 1, and the transaction state log min ISR 1, so exactly-once works on one node.
 *
 * <p>This is the only class that uses Kafka's internal server APIs ({@link KafkaRaftServer}, {@link
 * KafkaConfig}, {@link StorageTool}); they are pinned to the Kafka version of the build.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String HOST = "127.0.0.1";

  private final KafkaRaftServer server;
  private final int port;

  private EmbeddedKafka(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Formats {@code dataDir} when needed and starts the node on {@code port}.
   *
   * @throws EmbeddedKafkaException with one sentence, e.g. when the port is taken
   */
  public static EmbeddedKafka start(Path dataDir, int port) {
    ensurePortFree(port);
    Properties props = serverProperties(dataDir.toAbsolutePath(), port, freePort());
    formatOnce(dataDir, props);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      server.shutdown();
      throw new EmbeddedKafkaException(
          "the embedded Kafka broker did not start: " + rootMessage(e), e);
    }
    LOG.info("embedded Kafka broker listening on localhost:{}, data in {}", port, dataDir);
    return new EmbeddedKafka(server, port);
  }

  /** {@code localhost:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** Stops the node and waits until it has stopped. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    LOG.info("embedded Kafka broker stopped");
  }

  static Properties serverProperties(Path dataDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.voters", "1@" + HOST + ":" + controllerPort),
            Map.entry(
                "listeners",
                "PLAINTEXT://"
                    + HOST
                    + ":"
                    + port
                    + ",CONTROLLER://"
                    + HOST
                    + ":"
                    + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("log.dirs", dataDir.resolve("kafka").toString()),
            Map.entry("offsets.topic.replication.factor", "1"),
            // one node's own groups and transactions: a few partitions start faster than 50
            Map.entry("offsets.topic.num.partitions", "3"),
            Map.entry("transaction.state.log.num.partitions", "3"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("min.insync.replicas", "1"),
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("group.initial.rebalance.delay.ms", "0")));
    return p;
  }

  /** Formats the log directory unless {@code meta.properties} shows it was formatted before. */
  private static void formatOnce(Path dataDir, Properties props) {
    Path logDir = dataDir.resolve("kafka");
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      Files.createDirectories(logDir);
      Path file = dataDir.resolve("server.properties");
      try (var out = Files.newBufferedWriter(file)) {
        props.store(out, "written by access-audit for formatting the embedded broker");
      }
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      String clusterId = Uuid.randomUuid().toString();
      String[] args = {"format", "-t", clusterId, "-c", file.toString()};
      int rc = StorageTool.execute(args, new PrintStream(log, true, StandardCharsets.UTF_8));
      if (rc != 0) {
        throw new EmbeddedKafkaException(
            "could not format " + logDir + ": " + log.toString(StandardCharsets.UTF_8).trim());
      }
      LOG.info("formatted {} for new cluster {}", logDir, clusterId);
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "could not prepare the data directory " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private static void ensurePortFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "port " + port + " is already in use: stop the other Kafka or set audit.kafka.port");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
