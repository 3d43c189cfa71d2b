package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.EmploymentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The simulated staff and visitors, drawn once from the seed. */
final class Population {

  static final int MAX_BOOK = 150;

  private static final String[] OFFICES = {"GB", "US", "NL", "DK", "SE"};
  private static final double[] OFFICE_WEIGHTS = {0.70, 0.10, 0.08, 0.06, 0.06};
  private static final Map<String, String> SITES =
      Map.of(
          "GB", "www.rackspace.co.uk",
          "US", "www.rackspace.com",
          "NL", "www.rackspace.nl",
          "DK", "www.rackspace.dk",
          "SE", "www.rackspacemanagedhosting.se");
  private static final Map<String, String> UNSUBSCRIBE =
      Map.of(
          "GB", "unsubscribe@rackspace.co.uk",
          "US", "unsubscribe@rackspace.com",
          "NL", "unsubscribe@rackspace.nl",
          "DK", "unsubscribe@rackspace.dk",
          "SE", "unsubscribe@rackspacemanagedhosting.se");

  private final List<StaffMember> staff;
  private final int visitorCount;

  Population(int staffCount, int visitorCount, Random random) {
    this.visitorCount = visitorCount;
    List<StaffMember> members = new ArrayList<>(staffCount);
    for (int i = 1; i <= staffCount; i++) {
      members.add(member(i, random));
    }
    this.staff = List.copyOf(members);
  }

  private StaffMember member(int number, Random random) {
    String office = OFFICES[Draw.weighted(random, OFFICE_WEIGHTS)];
    double e = random.nextDouble();
    if (number == 1) { // someone can always do any compliant work, even in a tiny population
      office = "GB";
      e = 0;
    }
    EmploymentType employment =
        e < 0.80
            ? EmploymentType.EMPLOYEE
            : e < 0.92 ? EmploymentType.CONTRACTOR : EmploymentType.VENDOR;
    int bookSize = 40 + random.nextInt(MAX_BOOK - 40 + 1);
    int bookStart = 1 + random.nextInt(visitorCount);
    return new StaffMember(
        String.format("s-%04d", number), office, employment, bookStart, bookSize);
  }

  List<StaffMember> staff() {
    return staff;
  }

  StaffMember anyStaff(Random random) {
    return staff.get(random.nextInt(staff.size()));
  }

  /** A visitor from {@code member}'s book. */
  String bookVisitor(StaffMember member, Random random) {
    return visitorId(member.bookStart() + random.nextInt(member.bookSize()));
  }

  /** Any visitor of the whole population. */
  String anyVisitor(Random random) {
    return visitorId(1 + random.nextInt(visitorCount));
  }

  private String visitorId(int number) {
    return String.format("v-%06d", 1 + (number - 1) % visitorCount);
  }

  static String siteFor(String office) {
    return SITES.get(office);
  }

  static String unsubscribeAddressFor(String office) {
    return UNSUBSCRIBE.get(office);
  }
}
