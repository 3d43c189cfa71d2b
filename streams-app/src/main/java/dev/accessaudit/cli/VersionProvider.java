package dev.accessaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.IVersionProvider;

/** {@code ./audit --version}: the build's version, and the Java it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version =
        Optional.ofNullable(RootCommand.class.getPackage().getImplementationVersion())
            .orElse("development build");
    return new String[] {
      "access-audit " + version,
      "Kafka " + kafkaVersion(),
      "Java " + System.getProperty("java.version")
    };
  }

  /**
   * The Kafka clients' version, from the properties file the clients jar carries (Kafka's own
   * reader of it moved to an internal package in 4.4).
   */
  private static String kafkaVersion() {
    try (InputStream in =
        KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
      Properties props = new Properties();
      if (in != null) {
        props.load(in);
      }
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
