package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.VisitorConsent;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Which visitors are opted out of marketing now, and the records that changed it. */
final class ConsentLedger {

  private final Set<String> optedOut = new HashSet<>();
  private final Outbox outbox;

  ConsentLedger(Outbox outbox) {
    this.outbox = outbox;
  }

  boolean optedOut(String visitorId) {
    return optedOut.contains(visitorId);
  }

  /** Records and emits the visitor's choice, made through {@code channel}, from {@code at} on. */
  void set(String visitorId, boolean optOut, Instant at, String channel) {
    if (optOut) {
      optedOut.add(visitorId);
    } else {
      optedOut.remove(visitorId);
    }
    VisitorConsent consent =
        VisitorConsent.newBuilder()
            .setVisitorId(visitorId)
            .setMarketingOptOut(optOut)
            .setEffectiveFrom(at)
            .setChannel(channel)
            .build();
    outbox.add(new SimulatedRecord.ConsentSet(consent));
  }
}
