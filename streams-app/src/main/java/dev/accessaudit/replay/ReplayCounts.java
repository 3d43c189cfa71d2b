package dev.accessaudit.replay;

/** Running counts of a replay, for the summary line. */
final class ReplayCounts {
  long events;
  long invalid;
  long duplicates;
  long recordsRead;
}
