package dev.accessaudit.streams.rules.staff;

import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NON_EMPLOYEE_ACCESS: under the 2005 policy "our company databases are accessible only to internal
 * employees", so an access by staff whose agreement in force names them a contractor or vendor
 * breaks it. With no agreement on record the employment is not known (AGREEMENT_MISSING covers that
 * case); UNKNOWN employment is not flagged either.
 */
public final class NonEmployeeAccessRule implements Rule {

  public static final String ID = "NON_EMPLOYEE_ACCESS";

  private final Set<EmploymentType> nonEmployees;

  /**
   * @param nonEmployees the employment types that are not internal employees
   */
  public NonEmployeeAccessRule(Set<EmploymentType> nonEmployees) {
    this.nonEmployees = Set.copyOf(nonEmployees);
  }

  /** CONTRACTOR and VENDOR. */
  public static NonEmployeeAccessRule withDefaults() {
    return new NonEmployeeAccessRule(EnumSet.of(EmploymentType.CONTRACTOR, EmploymentType.VENDOR));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    if (access.agreement() == null || !nonEmployees.contains(access.agreement().getEmployment())) {
      return Optional.empty();
    }
    String employment = access.agreement().getEmployment().name();
    return Optional.of(
        new Violation(
            Describe.access(access.event())
                + " as a "
                + Describe.words(employment)
                + ", not an internal employee.",
            Map.of("employment", employment)));
  }
}
