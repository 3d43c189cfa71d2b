package dev.accessaudit.app;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.AuditConfigLoader;
import dev.accessaudit.http.Health;
import dev.accessaudit.http.HttpApi;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.topology.AuditTopics;
import dev.accessaudit.streams.topology.AuditTopology;
import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.TopicNames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipeline: Kafka and the schema registry (in-process when no {@code bootstrap.servers}
 * is configured), the topics and schemas, the judging topology in Kafka Streams, and the HTTP API.
 * {@link #close()} stops them in reverse order: streams, HTTP, registry, broker.
 */
public final class AuditApplication implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditApplication.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Infrastructure infrastructure;
  private final KafkaStreams streams;
  private final HttpApi http;
  private final Closer closer;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  private AuditApplication(
      Infrastructure infra, KafkaStreams streams, HttpApi http, Closer closer) {
    this.infrastructure = infra;
    this.streams = streams;
    this.http = http;
    this.closer = closer;
  }

  /**
   * Runs the pipeline until the JVM is stopped: configuration from {@code AUDIT_*} variables and an
   * optional properties file given as the only argument. {@code ./audit start} does the same with a
   * friendlier front end.
   */
  public static void main(String[] args) throws InterruptedException {
    Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
    AuditConfig config = AuditConfigLoader.load(file, System.getenv(), Map.of());
    AuditApplication app = start(config, Policies.of(config), Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "audit-shutdown"));
    app.awaitStopped();
    app.close();
  }

  /**
   * Starts everything and returns once Kafka Streams has been started (not yet RUNNING: see {@link
   * #awaitRunning}).
   */
  public static AuditApplication start(AuditConfig config, Policy policy, Clock clock) {
    Closer closer = new Closer();
    try {
      Infrastructure infra = closer.register(Infrastructure.start(config));
      AuditConfig effective = infra.applyTo(config);
      TopicNames names = effective.topicNames();
      Preparation.topicsAndSchemas(effective, names);
      KafkaStreams streams = createStreams(effective, names, policy, clock);
      HttpApi http = closer.register(startHttp(config, streams, clock));
      closer.register(() -> closeStreams(streams));
      AuditApplication app = new AuditApplication(infra, streams, http, closer);
      streams.setStateListener(app::onStateChange);
      // Kafka Streams (4.3.1 to 4.4.0) reopens a persistent versioned store on its local state
      // without the
      // older versions (only the latest of each key is found until a put touches their segment:
      // KafkaVersionedStoreReopenTest), so an access would miss the agreement in force at its
      // time after a clean restart. Until that is fixed upstream, every start restores the local
      // state from the changelogs, which rebuilds the segments correctly.
      streams.cleanUp();
      streams.start();
      LOG.info(
          "pipeline starting: Kafka {}, registry {}, health on http://localhost:{}/health",
          infra.bootstrapServers(),
          infra.schemaRegistryUrl(),
          http.port());
      return app;
    } catch (RuntimeException e) {
      closer.close();
      throw e;
    }
  }

  private static KafkaStreams createStreams(
      AuditConfig config, TopicNames names, Policy policy, Clock clock) {
    AuditTopics topics = AuditTopics.create(names, config.clientConfig());
    PipelineOptions options = config.pipelineOptions();
    KafkaStreams streams =
        new KafkaStreams(
            AuditTopology.build(topics, options, policy, clock), StreamsProperties.of(config));
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("the pipeline stopped on an unexpected error: {}", e.toString(), e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    return streams;
  }

  private static HttpApi startHttp(AuditConfig config, KafkaStreams streams, Clock clock) {
    Instant started = clock.instant();
    InetAddress bind =
        config.embedded()
            ? InetAddress.getLoopbackAddress()
            : new InetSocketAddress(0).getAddress();
    return HttpApi.start(
        new InetSocketAddress(bind, config.ports().http()),
        config.applicationId(),
        new Health(streams::state),
        () -> StreamsMetrics.snapshot(streams, started, clock));
  }

  private static void closeStreams(KafkaStreams streams) {
    // Leaving the group lets a restarted pipeline take its partitions back at once, instead of
    // waiting for the old member's session to time out.
    CloseOptions options =
        CloseOptions.timeout(CLOSE_TIMEOUT)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    if (!streams.close(options)) {
      LOG.warn("Kafka Streams did not stop within {}s", CLOSE_TIMEOUT.toSeconds());
    }
  }

  private void onStateChange(State now, State before) {
    LOG.info("pipeline {}", now);
    if (now == State.ERROR || now == State.NOT_RUNNING || now == State.PENDING_ERROR) {
      stopped.countDown();
    }
  }

  /** Waits until the pipeline judges events; false when it did not within the timeout. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != State.RUNNING) {
      if (System.nanoTime() > deadline || streams.state().hasStartedOrFinishedShuttingDown()) {
        return false;
      }
      stopped.await(100, TimeUnit.MILLISECONDS);
    }
    return true;
  }

  /** Blocks until the pipeline stops by itself (a fatal error) or is closed. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  public State state() {
    return streams.state();
  }

  /** True when the pipeline stopped on a fatal error rather than being closed. */
  public boolean failed() {
    return streams.state() == State.ERROR || streams.state() == State.PENDING_ERROR;
  }

  public String bootstrapServers() {
    return infrastructure.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return infrastructure.schemaRegistryUrl();
  }

  public int httpPort() {
    return http.port();
  }

  /** Stops streams, HTTP, registry and broker, in that order; safe to call more than once. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      LOG.info("stopping the pipeline");
      closer.close();
      stopped.countDown();
      LOG.info("pipeline stopped");
    }
  }
}
