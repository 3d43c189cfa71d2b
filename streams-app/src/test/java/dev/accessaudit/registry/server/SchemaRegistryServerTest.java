package dev.accessaudit.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.registry.SchemaRegistryClient;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.registry.SchemaRegistryException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final InMemoryRegistryStorage storage = new InMemoryRegistryStorage();
  private SchemaRegistryServer server;
  private SchemaRegistryClient client;

  record Answer(int status, JsonNode body, String contentType) {}

  @BeforeEach
  void start() {
    server = SchemaRegistryServer.start(new InetSocketAddress("localhost", 0), storage);
    client = SchemaRegistryClients.forUrl(server.url(), Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Schema thing(boolean withB, boolean bHasDefault) {
    var fields = SchemaBuilder.record("Thing").namespace("t").fields().requiredString("a");
    if (withB) {
      fields =
          bHasDefault
              ? fields.name("b").type().stringType().stringDefault("x")
              : fields.requiredString("b");
    }
    return fields.endRecord();
  }

  @Test
  void shouldRegisterAndServeASchemaOverRest() throws Exception {
    int id = client.register("visitor-data-access-value", AccessEvent.getClassSchema());

    Answer byId = call("GET", "/schemas/ids/" + id, null);
    Answer latest = call("GET", "/subjects/visitor-data-access-value/versions/latest", null);

    assertThat(byId.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(new Schema.Parser().parse(byId.body().get("schema").asText()))
        .isEqualTo(AccessEvent.getClassSchema());
    assertThat(latest.body().get("version").asInt()).isEqualTo(1);
    assertThat(latest.body().get("id").asInt()).isEqualTo(id);
    assertThat(call("GET", "/subjects", null).body().toString())
        .isEqualTo("[\"visitor-data-access-value\"]");
    assertThat(call("GET", "/subjects/visitor-data-access-value/versions", null).body().toString())
        .isEqualTo("[1]");
    assertThat(
            call("GET", "/subjects/visitor-data-access-value/versions/1/schema", null)
                .body()
                .get("name")
                .asText())
        .isEqualTo("AccessEvent");
    assertThat(call("GET", "/schemas/ids/" + id + "/versions", null).body().toString())
        .isEqualTo("[{\"subject\":\"visitor-data-access-value\",\"version\":1}]");
  }

  @Test
  void shouldLookUpWithoutRegistering() throws Exception {
    int id = client.register("s", thing(false, false));

    assertThat(client.getId("s", thing(false, false))).isEqualTo(id);
    assertThatThrownBy(() -> client.getId("s", thing(true, true))).is(code(40403));
    assertThatThrownBy(() -> client.getId("nope", thing(false, false))).is(code(40401));
  }

  @Test
  void shouldAnswerConfluentErrorCodes() throws Exception {
    client.register("s", thing(false, false));

    assertThat(error(call("GET", "/subjects/nope/versions", null))).isEqualTo("404 40401");
    assertThat(error(call("GET", "/subjects/s/versions/9", null))).isEqualTo("404 40402");
    assertThat(error(call("GET", "/schemas/ids/77", null))).isEqualTo("404 40403");
    assertThat(error(call("GET", "/subjects/s/versions/zero", null))).isEqualTo("422 42202");
    assertThat(error(call("POST", "/subjects/s/versions", "{\"schema\":\"{nope\"}")))
        .isEqualTo("422 42201");
    assertThat(error(call("GET", "/nowhere", null))).isEqualTo("404 404");
    assertThat(error(call("PUT", "/config", "{\"compatibility\":\"SOMETIMES\"}")))
        .isEqualTo("422 42203");
  }

  @Test
  void shouldRefuseIncompatibleChangeWith409AndTellCompatibility() throws Exception {
    client.register("s", thing(false, false));

    assertThat(client.testCompatibility("s", thing(true, true))).isTrue();
    assertThat(client.testCompatibility("s", thing(true, false))).isFalse();
    assertThatThrownBy(() -> client.register("s", thing(true, false))).is(code(409));
    Answer verbose =
        call(
            "POST",
            "/compatibility/subjects/s/versions/latest?verbose=true",
            body(thing(true, false)));
    assertThat(verbose.body().get("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT");
  }

  @Test
  void shouldReadAndChangeCompatibilityConfig() throws Exception {
    assertThat(call("GET", "/config", null).body().toString())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(error(call("GET", "/config/s", null))).isEqualTo("404 40408");

    assertThat(call("PUT", "/config/s", "{\"compatibility\":\"NONE\"}").body().toString())
        .isEqualTo("{\"compatibility\":\"NONE\"}");
    client.register("s", thing(false, false));
    client.register("s", thing(true, false));

    assertThat(call("GET", "/config/s", null).body().get("compatibilityLevel").asText())
        .isEqualTo("NONE");
    assertThat(client.getLatestVersion("s").version()).isEqualTo(2);
  }

  @Test
  void shouldSoftDeleteASubject() throws Exception {
    client.register("s", thing(false, false));

    assertThat(call("DELETE", "/subjects/s", null).body().toString()).isEqualTo("[1]");
    assertThat(call("GET", "/subjects", null).body().toString()).isEqualTo("[]");
    assertThat(error(call("GET", "/subjects/s/versions/latest", null))).isEqualTo("404 40401");
  }

  @Test
  void shouldKeepIdsAndVersionsAcrossARestartOnTheSameStorage() {
    int first = client.register("a", thing(false, false));
    int second = client.register("a", thing(true, true));
    server.close();

    server = SchemaRegistryServer.start(new InetSocketAddress("localhost", 0), storage);
    SchemaRegistryClient fresh = SchemaRegistryClients.forUrl(server.url(), Map.of());

    assertThat(fresh.getLatestVersion("a").id()).isEqualTo(second);
    assertThat(fresh.getSchemaById(first)).isEqualTo(thing(false, false));
    assertThat(fresh.register("b", thing(false, false))).isEqualTo(first);
    assertThat(fresh.register("c", SchemaBuilder.builder().stringType())).isEqualTo(second + 1);
  }

  @Test
  void shouldTryTheNextUrlWhenOneCannotBeReached() {
    SchemaRegistryClient failover =
        SchemaRegistryClients.forUrl("http://localhost:1," + server.url(), Map.of());

    assertThat(failover.register("s", thing(false, false))).isEqualTo(1);
  }

  @Test
  void shouldServeSubjectsThatNeedEscaping() {
    String subject = "odd subject/+name";
    int id = client.register(subject, thing(false, false));

    assertThat(client.getLatestVersion(subject).subject()).isEqualTo(subject);
    assertThat(client.getLatestVersion(subject).id()).isEqualTo(id);
  }

  private Answer call(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .method(method, publisher)
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        JSON.readTree(response.body()),
        response.headers().firstValue("Content-Type").orElse(""));
  }

  private static String body(Schema schema) throws IOException {
    return JSON.writeValueAsString(Map.of("schema", schema.toString()));
  }

  private static String error(Answer answer) {
    assertThat(answer.body().get("message").asText()).isNotBlank();
    return answer.status() + " " + answer.body().get("error_code").asInt();
  }

  private static org.assertj.core.api.Condition<Throwable> code(int errorCode) {
    return new org.assertj.core.api.Condition<>(
        t -> t instanceof SchemaRegistryException e && e.errorCode() == errorCode,
        "SchemaRegistryException with code " + errorCode);
  }
}
