package dev.accessaudit.registry.server;

import com.sun.net.httpserver.HttpServer;
import dev.accessaudit.registry.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry that speaks Confluent's REST API (the subset in CONTRACT.md section 2 and a
 * little more), on the JDK's HTTP server.
 *
 * <p>Endpoints: {@code GET /subjects}, {@code GET|POST /subjects/{s}/versions}, {@code GET
 * /subjects/{s}/versions/{n|latest}[/schema]}, {@code POST|DELETE /subjects/{s}} (look-up, soft
 * delete), {@code GET /schemas/ids/{id}[/versions]}, {@code GET /schemas/types}, {@code POST
 * /compatibility/subjects/{s}/versions/{n|latest}}, {@code GET|PUT /config}, {@code GET|PUT|DELETE
 * /config/{s}}. Bodies and error codes are Confluent's (40401, 40402, 40403, 409, 42201, 42202,
 * 42203, 50001). Only Avro schemas, without references.
 *
 * <p>{@link #start} reads everything in the storage before it answers, and every change is stored
 * (durably, for {@link KafkaRegistryStorage}) before it is answered. {@link #close()} stops the
 * server and closes the storage.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
  private static final int THREADS = 4;

  private final HttpServer http;
  private final ExecutorService executor;
  private final SchemaRegistry registry;
  private final RegistryStorage storage;

  private SchemaRegistryServer(
      HttpServer http, ExecutorService executor, SchemaRegistry registry, RegistryStorage storage) {
    this.http = http;
    this.executor = executor;
    this.registry = registry;
    this.storage = storage;
  }

  /**
   * Loads the storage and starts serving on the address (port 0 picks a free port).
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static SchemaRegistryServer start(InetSocketAddress bind, RegistryStorage storage) {
    Objects.requireNonNull(bind, "bind");
    SchemaRegistry registry = new SchemaRegistry(Objects.requireNonNull(storage, "storage"));
    storage.load().forEach(registry::replay);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, SchemaRegistryServer::thread);
    try {
      HttpServer http = HttpServer.create(bind, 0);
      http.createContext("/", new RegistryHttpHandler(new RegistryApi(registry)));
      http.setExecutor(executor);
      http.start();
      SchemaRegistryServer server = new SchemaRegistryServer(http, executor, registry, storage);
      LOG.info("Schema registry listening at {}", server.url());
      return server;
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "Could not serve the schema registry on " + bind + ": " + e.getMessage(), e);
    }
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "schema-registry-http");
    thread.setDaemon(true);
    return thread;
  }

  /** The base URL clients use, e.g. {@code http://localhost:8081}. */
  public String url() {
    InetSocketAddress address = http.getAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** The port it listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The registry it serves, e.g. to register the pipeline's own schemas in-process. */
  public SchemaRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    storage.close();
  }
}
