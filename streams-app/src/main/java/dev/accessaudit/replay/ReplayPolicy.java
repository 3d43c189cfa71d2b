package dev.accessaudit.replay;

import static dev.accessaudit.streams.rules.agreement.AgreementMissingRule.ID;

import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.rules.agreement.AgreementExpiredRule;
import dev.accessaudit.streams.rules.agreement.AgreementMissingRule;
import dev.accessaudit.streams.rules.agreement.AgreementPendingRule;
import dev.accessaudit.streams.rules.agreement.AgreementRevokedRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The policy a replay judges with, and the name reports give it: a policy file, or the built-in
 * policy the pipeline uses when none is configured. Policy loading lives here only, so replay and
 * who-accessed pick the same policy as the pipeline.
 *
 * @param policy the policy
 * @param name the file name, or "built-in"
 */
public record ReplayPolicy(Policy policy, String name) {

  static final String CLAUSE =
      "our company databases are accessible only by person who have entered into and are bound"
          + " by a confidentiality and nondisclosure agreement with Rackspace.";

  /**
   * The policy in {@code file}, or the built-in one.
   *
   * @throws IllegalArgumentException with one sentence when the file cannot be used
   */
  public static ReplayPolicy load(Optional<Path> file) {
    if (file.isEmpty()) {
      return builtIn();
    }
    Path path = file.get();
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException(
          "policy file " + path + " does not exist or is unreadable");
    }
    throw new IllegalArgumentException(
        "policy file "
            + path
            + " cannot be read by this build: policy files need the policy loader");
  }

  /** The contract's agreement rules with their contract severities. */
  public static ReplayPolicy builtIn() {
    PolicyVersion version =
        new PolicyVersion(
            "built-in",
            Instant.parse("2000-01-01T00:00:00Z"),
            "the contract's agreement rules (" + ID + " and the others)",
            List.of(
                PolicyRule.of(new AgreementMissingRule(), Severity.CRITICAL, CLAUSE),
                PolicyRule.of(new AgreementRevokedRule(), Severity.CRITICAL, CLAUSE),
                PolicyRule.of(new AgreementExpiredRule(), Severity.HIGH, CLAUSE),
                PolicyRule.of(new AgreementPendingRule(), Severity.HIGH, CLAUSE)));
    return new ReplayPolicy(new Policy(List.of(version)), "built-in");
  }
}
