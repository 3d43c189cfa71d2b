package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.ComplianceAlert;
import java.util.List;

/**
 * Where the repeat suppressor keeps the alert that stands for each staff member, visitor and rule:
 * a key-value store in the topology, a map in a replay.
 */
public interface StandingAlerts {

  /** The alert standing for the key, or null. */
  ComplianceAlert get(String key);

  void put(String key, ComplianceAlert alert);

  void delete(String key);

  /** Every standing alert, in any order. */
  List<ComplianceAlert> all();
}
