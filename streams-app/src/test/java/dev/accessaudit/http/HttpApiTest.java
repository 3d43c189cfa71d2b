package dev.accessaudit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpApiTest {
  private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpApi api;

  @BeforeEach
  void start() throws IOException {
    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    api = HttpApi.start(any, "access-audit", new Health(state::get), () -> Map.of("alerts", 3));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void shouldAnswer503BeforeStreamsRun() throws Exception {
    state.set(State.REBALANCING);

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"DOWN\",\"streams\":\"REBALANCING\",\"application\":\"access-audit\"}");
  }

  @Test
  void shouldAnswer200WhenStreamsRunAndStayUpThroughARebalance() throws Exception {
    state.set(State.RUNNING);
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health").body()).startsWith("{\"status\":\"UP\",\"streams\":\"RUNNING\"");

    state.set(State.REBALANCING);
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswer503AfterStreamsStop() throws Exception {
    state.set(State.RUNNING);
    get("/health");
    state.set(State.PENDING_SHUTDOWN);

    assertThat(get("/health").statusCode()).isEqualTo(503);
  }

  @Test
  void shouldServeMetricsAsJson() throws Exception {
    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.body()).isEqualTo("{\"alerts\":3}");
  }

  @Test
  void shouldAnswer404ForUnknownPaths() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldFailWithOneSentenceWhenThePortIsTaken() {
    InetSocketAddress taken = new InetSocketAddress(InetAddress.getLoopbackAddress(), api.port());

    assertThatThrownBy(() -> HttpApi.start(taken, "x", new Health(state::get), Map::of))
        .hasMessage(
            "port "
                + api.port()
                + " is already in use: stop the other program or set"
                + " audit.http.port");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://localhost:" + api.port() + path);
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
