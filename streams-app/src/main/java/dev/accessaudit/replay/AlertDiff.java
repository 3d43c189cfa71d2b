package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;

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
    added = added.stream().sorted(AlertLog.REPORT_ORDER).toList();
    removed = removed.stream().sorted(AlertLog.REPORT_ORDER).toList();
    changed = List.copyOf(changed);
  }

  /**
   * Compares the live alerts with the replayed ones, walking both in step: each must be in report
   * order ({@link AlertLog#REPORT_ORDER}), one version per alertId, as {@link AlertLog} gives them.
   *
   * @throws IllegalArgumentException if either is out of report order
   */
  public static AlertDiff between(
      Iterable<ComplianceAlert> live, Iterable<ComplianceAlert> replayed) {
    List<ComplianceAlert> added = new ArrayList<>();
    List<ComplianceAlert> removed = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    InOrder theirs = new InOrder(live.iterator(), "live");
    InOrder mine = new InOrder(replayed.iterator(), "replayed");
    while (theirs.current != null || mine.current != null) {
      int order =
          theirs.current == null
              ? 1
              : mine.current == null
                  ? -1
                  : AlertLog.REPORT_ORDER.compare(theirs.current, mine.current);
      if (order < 0) {
        removed.add(theirs.take());
      } else if (order > 0) {
        added.add(mine.take());
      } else {
        ComplianceAlert a = theirs.take();
        ComplianceAlert b = mine.take();
        if (!comparable(a).equals(comparable(b))) {
          changed.add(new Change(a, b));
        }
      }
    }
    return new AlertDiff(added, removed, changed);
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

  /** One side of the walk: its current alert, checked to follow the one before in report order. */
  private static final class InOrder {

    private final Iterator<ComplianceAlert> alerts;
    private final String side;
    private ComplianceAlert current;

    InOrder(Iterator<ComplianceAlert> alerts, String side) {
      this.alerts = alerts;
      this.side = side;
      this.current = alerts.hasNext() ? alerts.next() : null;
    }

    ComplianceAlert take() {
      ComplianceAlert taken = current;
      current = alerts.hasNext() ? alerts.next() : null;
      if (current != null && AlertLog.REPORT_ORDER.compare(taken, current) >= 0) {
        throw new IllegalArgumentException(
            "the " + side + " alerts are not in report order at alert " + current.getAlertId());
      }
      return taken;
    }
  }
}
