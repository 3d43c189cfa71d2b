package dev.accessaudit.streams.rules.data;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * REGION_RESTRICTED_DATA: live chat messages and telephone conversations are collected by "UK
 * offices only"; staff in any other office touching them breaks that. Offices are ISO 3166-1
 * alpha-2 codes (GB for the UK), compared without regard to case.
 */
public final class RegionRestrictedDataRule implements Rule {

  public static final String ID = "REGION_RESTRICTED_DATA";

  private final Set<DataCategory> categories;
  private final Set<String> allowedOffices;

  /**
   * @param categories the region-restricted data categories
   * @param allowedOffices the offices (ISO 3166-1 alpha-2) that may touch them
   */
  public RegionRestrictedDataRule(Set<DataCategory> categories, Set<String> allowedOffices) {
    this.categories = Set.copyOf(categories);
    this.allowedOffices =
        allowedOffices.stream()
            .map(office -> office.toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** LIVE_CHAT and TELEPHONE_RECORDING, GB offices only. */
  public static RegionRestrictedDataRule withDefaults() {
    return new RegionRestrictedDataRule(
        EnumSet.of(DataCategory.LIVE_CHAT, DataCategory.TELEPHONE_RECORDING), Set.of("GB"));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    AccessEvent event = access.event();
    String office = event.getStaffOffice() == null ? "" : event.getStaffOffice();
    if (!categories.contains(event.getCategory())
        || allowedOffices.contains(office.toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            Describe.access(event)
                + " from an office in "
                + office
                + ", but that data is kept by "
                + String.join("/", new TreeSet<>(allowedOffices))
                + " offices only.",
            Map.of("staffOffice", office)));
  }
}
