package dev.accessaudit.streams.topology;

import java.util.List;
import java.util.Objects;

/**
 * The names of the pipeline's topics; every one is configurable.
 *
 * @param accessEvents access events, key staffId (default {@code visitor-data-access})
 * @param agreements staff agreements, key staffId (default {@code staff-agreements})
 * @param consents visitor consents, key visitorId (default {@code visitor-consents})
 * @param alerts compliance alerts, key staffId (default {@code compliance-alerts})
 * @param deadLetter records that could not be judged (default {@code visitor-data-access-dlq})
 * @param stateDeadLetter agreement and consent records that could not be applied (default {@code
 *     audit-state-dlq})
 */
public record TopicNames(
    String accessEvents,
    String agreements,
    String consents,
    String alerts,
    String deadLetter,
    String stateDeadLetter) {

  public TopicNames {
    Objects.requireNonNull(accessEvents, "accessEvents");
    Objects.requireNonNull(agreements, "agreements");
    Objects.requireNonNull(consents, "consents");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(deadLetter, "deadLetter");
    Objects.requireNonNull(stateDeadLetter, "stateDeadLetter");
  }

  public static TopicNames defaults() {
    return new TopicNames(
        "visitor-data-access",
        "staff-agreements",
        "visitor-consents",
        "compliance-alerts",
        "visitor-data-access-dlq",
        "audit-state-dlq");
  }

  public List<String> all() {
    return List.of(accessEvents, agreements, consents, alerts, deadLetter, stateDeadLetter);
  }
}
