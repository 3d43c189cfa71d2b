package dev.accessaudit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The application's small HTTP API, on the JDK's built-in server.
 *
 * <ul>
 *   <li>{@code GET /health}: 200 {@code {"status":"UP","streams":"RUNNING",...}} while the pipeline
 *       runs, 503 {@code {"status":"DOWN","streams":"<state>",...}} before and after.
 *   <li>{@code GET /metrics}: a few counters as one JSON object.
 * </ul>
 */
public final class HttpApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving on {@code address} (port 0 = any free port).
   *
   * @param application name shown in the health body
   * @throws IllegalStateException with one sentence when the port is taken
   */
  public static HttpApi start(
      InetSocketAddress address,
      String application,
      Health health,
      Supplier<Map<String, Object>> metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (BindException e) {
      throw new IllegalStateException(
          "port "
              + address.getPort()
              + " is already in use: stop the other program or set"
              + " audit.http.port",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/health", ex -> answer(ex, healthBody(application, health), health.up() ? 200 : 503));
    server.createContext("/metrics", ex -> answer(ex, metrics.get(), 200));
    server.createContext(
        "/", ex -> answer(ex, Map.of("error", "not found; try /health or /metrics"), 404));
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> daemon(r));
    server.setExecutor(executor);
    server.start();
    return new HttpApi(server, executor);
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static Map<String, Object> healthBody(String application, Health health) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", health.up() ? "UP" : "DOWN");
    body.put("streams", health.state().name());
    body.put("application", application);
    return body;
  }

  private static void answer(HttpExchange exchange, Map<String, Object> body, int status)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        status = 405;
        body = Map.of("error", "only GET is supported");
      }
      byte[] bytes = toJson(body);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private static byte[] toJson(Map<String, Object> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "audit-http");
    t.setDaemon(true);
    return t;
  }
}
