package dev.accessaudit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a stub that answers like Confluent's registry and records requests. */
class RestSchemaRegistryClientTest {

  private static final Schema SCHEMA = SchemaRegistryTest.v1();

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer stub;
  private String url;

  @BeforeEach
  void startStub() throws IOException {
    stub = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    stub.createContext("/", this::answer);
    stub.start();
    url = "http://localhost:" + stub.getAddress().getPort();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    requests.add(
        exchange.getRequestMethod()
            + " "
            + path
            + " "
            + exchange.getRequestHeaders().getFirst("Content-Type")
            + " "
            + exchange.getRequestHeaders().getFirst("Authorization"));
    exchange.getRequestBody().readAllBytes();
    String schemaJson = "\"" + SCHEMA.toString().replace("\"", "\\\"") + "\"";
    String body;
    int status = 200;
    if (path.endsWith("/versions")) {
      body = "{\"id\":5}";
    } else if (path.equals("/schemas/ids/5")) {
      body = "{\"schema\":" + schemaJson + "}";
    } else {
      status = 404;
      body = "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void shouldPayOneRoundTripPerSchemaAndPerId() {
    try (SchemaRegistryClient client = SchemaRegistryClients.forUrl(url, Map.of())) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.register("t-value", SCHEMA)).isEqualTo(5);
        assertThat(client.getSchemaById(5)).isEqualTo(SCHEMA);
      }
    }
    assertThat(requests)
        .containsExactly(
            "POST /subjects/t-value/versions application/vnd.schemaregistry.v1+json null");
  }

  @Test
  void shouldFetchAnUnknownIdOnceAndThenFromCache() {
    try (SchemaRegistryClient client = SchemaRegistryClients.forUrl(url, Map.of())) {
      client.getSchemaById(5);
      client.getSchemaById(5);
    }
    assertThat(requests).containsExactly("GET /schemas/ids/5 null null");
  }

  @Test
  void shouldSendBasicAuthFromUserInfo() {
    Map<String, Object> config = Map.of("basic.auth.user.info", "alice:secret");
    try (SchemaRegistryClient client = SchemaRegistryClients.forUrl(url, config)) {
      client.register("t-value", SCHEMA);
    }
    assertThat(requests.get(0)).endsWith(" Basic YWxpY2U6c2VjcmV0");
  }

  @Test
  void shouldSendBasicAuthFromTheUrlWhenSourceIsUrl() {
    String withUser = url.replace("http://", "http://bob:pw@");
    Map<String, Object> config = Map.of("basic.auth.credentials.source", "URL");
    try (SchemaRegistryClient client = SchemaRegistryClients.forUrl(withUser, config)) {
      client.register("t-value", SCHEMA);
    }
    assertThat(requests.get(0)).endsWith(" Basic Ym9iOnB3");
  }

  @Test
  void shouldCarryConfluentErrorCodes() {
    try (SchemaRegistryClient client = SchemaRegistryClients.forUrl(url, Map.of())) {
      assertThatThrownBy(() -> client.getLatestVersion("x"))
          .is(SchemaRegistryTest.code(40401))
          .hasMessage("Subject 'x' not found.");
      assertThat(client.testCompatibility("x", SCHEMA)).isTrue();
    }
  }

  @Test
  void shouldSayWhenNoUrlCanBeReached() {
    try (SchemaRegistryClient client =
        SchemaRegistryClients.forUrl("http://localhost:1,http://localhost:2", Map.of())) {
      assertThatThrownBy(() -> client.getSchemaById(5))
          .is(SchemaRegistryTest.code(SchemaRegistryException.UNREACHABLE))
          .hasMessageStartingWith("The schema registry could not be reached at");
    }
  }
}
