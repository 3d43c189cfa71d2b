package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a replay differs from what the alerts topic holds for the same accesses, alert by alert
 * (matched by alertId, the latest version of each): alerts only the replay raises (added), alerts
 * only the pipeline raised (removed), and alerts both raised with different content (changed).
 * {@code detectedAt} is ignored: it is when an alert was raised, which a replay cannot share.
 *
 * @param added raised by the replay only
 * @param removed raised by the pipeline only
 * @param changed raised by both, differing in more than detectedAt
 */
public record AlertDiff(
    List<ComplianceAlert> added, List<ComplianceAlert> removed, List<Change> changed) {

  /**
   * One alert both raised, as each raised it.
   *
   * @param live as the alerts topic holds it
   * @param replayed as the replay raised it
   */
  public record Change(ComplianceAlert live, ComplianceAlert replayed) {

    /** The names of the fields that differ, detectedAt aside, in schema order. */
    public List<String> fields() {
      ComplianceAlert a = comparable(live);
      ComplianceAlert b = comparable(replayed);
      return a.getSchema().getFields().stream()
          .filter(f -> !java.util.Objects.equals(a.get(f.pos()), b.get(f.pos())))
          .map(org.apache.avro.Schema.Field::name)
          .toList();
    }
  }

  public AlertDiff {
    added = added.stream().sorted(AlertCollector.REPORT_ORDER).toList();
    removed = removed.stream().sorted(AlertCollector.REPORT_ORDER).toList();
    changed = List.copyOf(changed);
  }

  /** Compares the live alerts with the replayed ones. */
  public static AlertDiff between(
      Collection<ComplianceAlert> live, Collection<ComplianceAlert> replayed) {
    Map<String, ComplianceAlert> liveById = byId(live);
    List<ComplianceAlert> added = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    for (ComplianceAlert mine : replayed) {
      ComplianceAlert theirs = liveById.remove(mine.getAlertId());
      if (theirs == null) {
        added.add(mine);
      } else if (!comparable(theirs).equals(comparable(mine))) {
        changed.add(new Change(theirs, mine));
      }
    }
    changed.sort((a, b) -> AlertCollector.REPORT_ORDER.compare(a.replayed(), b.replayed()));
    return new AlertDiff(added, new ArrayList<>(liveById.values()), changed);
  }

  /** True when the replay gives exactly the pipeline's alerts. */
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** The alert with {@code detectedAt} blanked out, for comparing content. */
  public static ComplianceAlert comparable(ComplianceAlert alert) {
    return ComplianceAlert.newBuilder(alert)
        .setDetectedAt(Instant.EPOCH)
        .setDetails(new HashMap<>(alert.getDetails()))
        .build();
  }

  private static Map<String, ComplianceAlert> byId(Collection<ComplianceAlert> alerts) {
    Map<String, ComplianceAlert> byId = new HashMap<>();
    alerts.forEach(a -> byId.put(a.getAlertId(), a));
    return byId;
  }
}
