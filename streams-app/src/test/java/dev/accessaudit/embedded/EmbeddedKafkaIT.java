package dev.accessaudit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {
  @TempDir Path dataDir;

  @Test
  void shouldKeepTopicsAndRecordsAcrossRestarts() throws Exception {
    int port = freePort();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port)) {
      createTopic(kafka, "kept");
      produce(kafka, "kept", "first");
    }
    String metaProperties = Files.readString(dataDir.resolve("kafka/meta.properties"));

    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port)) {
      assertThat(readAll(kafka, "kept")).containsExactly("first");
    }
    assertThat(dataDir.resolve("kafka/meta.properties")).hasContent(metaProperties);
    assertThat(metaProperties).contains("cluster.id=");
  }

  @Test
  void shouldRefuseToStartWithOneSentenceWhenThePortIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, port))
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessage(
              "port " + port + " is already in use: stop the other Kafka or set audit.kafka.port");
    }
  }

  @Test
  void shouldAdvertiseLocalhost() {
    assertThat(EmbeddedKafka.serverProperties(dataDir, 9092, 9093))
        .containsEntry("advertised.listeners", "PLAINTEXT://localhost:9092")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("transaction.state.log.min.isr", "1");
  }

  private static void createTopic(EmbeddedKafka kafka, String topic)
      throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static void produce(EmbeddedKafka kafka, String topic, String value)
      throws InterruptedException, ExecutionException {
    Map<String, Object> config =
        Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all");
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", value)).get();
    }
  }

  private static List<String> readAll(EmbeddedKafka kafka, String topic) {
    Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
    TopicPartition partition = new TopicPartition(topic, 0);
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
