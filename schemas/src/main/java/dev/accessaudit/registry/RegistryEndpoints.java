package dev.accessaudit.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Sends requests to a Confluent-compatible registry, trying each base URL in turn when one cannot
 * be reached; turns error bodies into {@link SchemaRegistryException}s. Thread-safe.
 */
final class RegistryEndpoints {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> baseUrls;
  private final Optional<String> authorization;
  private final Duration readTimeout;
  private final HttpClient http;

  RegistryEndpoints(
      List<URI> baseUrls,
      Optional<String> userInfo,
      Duration connectTimeout,
      Duration readTimeout) {
    this.baseUrls = List.copyOf(baseUrls);
    this.authorization =
        userInfo.map(
            u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    this.readTimeout = readTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  /** Percent-encodes one path segment, e.g. a subject. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  JsonNode post(String path, Object body) {
    return send("POST", path, body);
  }

  private JsonNode send(String method, String path, Object body) {
    IOException lastFailure = null;
    for (URI base : baseUrls) {
      try {
        return answer(base, http.send(request(base, method, path, body), bodyHandler()));
      } catch (IOException e) {
        lastFailure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(
            SchemaRegistryException.UNREACHABLE, "Interrupted while calling the schema registry.");
      }
    }
    throw new SchemaRegistryException(
        SchemaRegistryException.UNREACHABLE,
        "The schema registry could not be reached at " + baseUrls + ": " + lastFailure,
        lastFailure);
  }

  private HttpRequest request(URI base, String method, String path, Object body)
      throws IOException {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
            .timeout(readTimeout)
            .header("Accept", CONTENT_TYPE + ", application/json")
            .method(method, publisher);
    if (body != null) {
      builder.header("Content-Type", CONTENT_TYPE);
    }
    authorization.ifPresent(a -> builder.header("Authorization", a));
    return builder.build();
  }

  private static HttpResponse.BodyHandler<byte[]> bodyHandler() {
    return HttpResponse.BodyHandlers.ofByteArray();
  }

  private static JsonNode answer(URI base, HttpResponse<byte[]> response) {
    JsonNode json = parse(response.body());
    if (response.statusCode() < 300 && json != null) {
      return json;
    }
    if (json != null && json.hasNonNull("error_code")) {
      throw new SchemaRegistryException(
          json.get("error_code").asInt(), json.path("message").asText("no message"));
    }
    int status = response.statusCode() < 300 ? 502 : response.statusCode();
    throw new SchemaRegistryException(
        status,
        "The schema registry at "
            + base
            + " answered HTTP "
            + response.statusCode()
            + " without a JSON body.");
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
