package dev.accessaudit.producers.simulator;

/**
 * What a {@link SimulationDriver} run published.
 *
 * @param accessEvents access events sent
 * @param expectedViolations of those, the ones that must raise at least one alert
 * @param expectedAlerts alerts the pipeline must raise for them in total
 * @param agreements agreement versions sent
 * @param agreementRemovals agreement tombstones sent
 * @param lateAgreements agreement records deliberately sent after accesses they govern
 * @param consents consent records sent
 * @param failedSends records Kafka did not acknowledge
 * @param firstFailure why the first failed send failed; null when none failed
 */
public record SimulationResult(
    long accessEvents,
    long expectedViolations,
    long expectedAlerts,
    long agreements,
    long agreementRemovals,
    long lateAgreements,
    long consents,
    long failedSends,
    String firstFailure) {

  /** One line for a person, e.g. for the command line. */
  public String summary() {
    return String.format(
        "published %d access events (%d must raise %d alerts), %d agreements, %d removals"
            + " (%d late), %d consents%s",
        accessEvents,
        expectedViolations,
        expectedAlerts,
        agreements,
        agreementRemovals,
        lateAgreements,
        consents,
        failedSends == 0 ? "" : "; " + failedSends + " sends failed, first: " + firstFailure);
  }
}
