package dev.accessaudit.streams.policy;

import dev.accessaudit.avro.AccessEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The privacy policy over time: versions ordered by {@code effectiveFrom}. An access is judged by
 * the version in force at its {@code occurredAt}; accesses older than the first version are judged
 * by the first version, so nothing escapes judgement for predating the policy file.
 */
public final class Policy {

  private final List<PolicyVersion> versions;

  public Policy(List<PolicyVersion> versions) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a policy needs at least one version");
    }
    this.versions =
        versions.stream().sorted(Comparator.comparing(PolicyVersion::effectiveFrom)).toList();
  }

  public List<PolicyVersion> versions() {
    return versions;
  }

  /** The version in force at the given instant. */
  public PolicyVersion versionAt(Instant when) {
    PolicyVersion inForce = versions.get(0);
    for (PolicyVersion version : versions) {
      if (version.effectiveFrom().isAfter(when)) {
        break;
      }
      inForce = version;
    }
    return inForce;
  }

  /** Whether the version in force at the event's time needs the visitor's consent to judge it. */
  public boolean needsConsent(AccessEvent event) {
    return versionAt(event.getOccurredAt()).needsConsent(event);
  }
}
