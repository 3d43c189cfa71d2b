package dev.accessaudit.streams.rules.data;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IP_ADDRESS_MISUSE: IP addresses are used "to help diagnose problems with our server, and to
 * administer our Web site"; any other purpose breaks that.
 */
public final class IpAddressMisuseRule implements Rule {

  public static final String ID = "IP_ADDRESS_MISUSE";

  private final Set<AccessPurpose> allowedPurposes;

  /**
   * @param allowedPurposes the purposes IP addresses may be used for
   */
  public IpAddressMisuseRule(Set<AccessPurpose> allowedPurposes) {
    this.allowedPurposes = Set.copyOf(allowedPurposes);
  }

  /** SERVER_DIAGNOSTICS and SITE_ADMINISTRATION. */
  public static IpAddressMisuseRule withDefaults() {
    return new IpAddressMisuseRule(
        EnumSet.of(AccessPurpose.SERVER_DIAGNOSTICS, AccessPurpose.SITE_ADMINISTRATION));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    AccessEvent event = access.event();
    if (event.getCategory() != DataCategory.IP_ADDRESS
        || allowedPurposes.contains(event.getPurpose())) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            Describe.access(event)
                + " for "
                + Describe.words(event.getPurpose().name())
                + ", not for server diagnostics or site administration.",
            Map.of("purpose", event.getPurpose().name())));
  }
}
