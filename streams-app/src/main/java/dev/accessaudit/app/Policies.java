package dev.accessaudit.app;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyFile;

/** The policy the pipeline judges with: {@code audit.policy.file}, or the shipped default. */
public final class Policies {
  private Policies() {}

  /**
   * Loads the configured policy.
   *
   * @throws dev.accessaudit.streams.policy.PolicyFileException listing every problem of the file
   */
  public static Policy of(AuditConfig config) {
    return config.policyFile().map(PolicyFile::load).orElseGet(PolicyFile::defaultPolicy);
  }
}
