package dev.accessaudit.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.streams.policy.PolicyFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pins the topology's shape: processor, store and internal topic names are part of the state an
 * upgrade must keep. If this fails on purpose, the new description is written to
 * target/topology-description.txt; review it, plan the migration, then copy it over the resource.
 */
class TopologyDescriptionTest {

  private final PipelineHarness pipeline = new PipelineHarness(PolicyFile.defaultPolicy());

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldKeepTheTopologyShapeStable() throws IOException {
    String actual = pipeline.topology.describe().toString();
    Files.writeString(Path.of("target", "topology-description.txt"), actual);

    assertThat(actual).isEqualTo(pinned());
  }

  @Test
  void shouldNameEveryStoreAndInternalTopic() {
    String description = pipeline.topology.describe().toString();

    assertThat(description).doesNotContainPattern("KSTREAM-[A-Z]+-\\d+-(store|repartition)");
    assertThat(description).doesNotContainPattern("KTABLE-[A-Z]+-\\d+-store");
  }

  @Test
  void shouldBufferNoAccessWhenGraceIsZero() {
    try (PipelineHarness noGrace =
        new PipelineHarness(
            PolicyFile.defaultPolicy(), PipelineOptions.defaults().withGrace(Duration.ZERO))) {
      String description = noGrace.topology.describe().toString();

      assertThat(description)
          .contains("hold-for-agreement", "hold-for-consent")
          .doesNotContain(AuditTopology.AGREEMENT_BUFFER, AuditTopology.CONSENT_BUFFER);
    }
  }

  @Test
  void shouldUseOwnGraceBuffersAndNoKafkaJoinBufferByDefault() {
    String description = pipeline.topology.describe().toString();

    assertThat(PipelineOptions.defaults().grace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(description)
        .contains(AuditTopology.AGREEMENT_BUFFER, AuditTopology.CONSENT_BUFFER)
        .doesNotContain("-Buffer");
  }

  private static String pinned() throws IOException {
    try (InputStream in =
        TopologyDescriptionTest.class.getResourceAsStream("/topology-description.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
