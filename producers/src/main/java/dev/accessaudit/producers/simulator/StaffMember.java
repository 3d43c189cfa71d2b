package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.EmploymentType;

/**
 * A simulated staff member: who they are, where they sit, and the visitors they usually serve (a
 * "book" of consecutive visitor numbers, at most 150, so that ordinary work never looks like bulk
 * access).
 *
 * @param id e.g. {@code s-0042}
 * @param office ISO 3166-1 alpha-2 country of the office
 * @param employment how the staff member is engaged
 * @param bookStart the first visitor number of the book
 * @param bookSize how many visitors the book holds
 */
record StaffMember(
    String id, String office, EmploymentType employment, int bookStart, int bookSize) {

  boolean isEmployee() {
    return employment == EmploymentType.EMPLOYEE;
  }

  boolean inGreatBritain() {
    return office.equals("GB");
  }
}
