package dev.accessaudit.cli;

import java.util.Optional;
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
      "Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion(),
      "Java " + System.getProperty("java.version")
    };
  }
}
