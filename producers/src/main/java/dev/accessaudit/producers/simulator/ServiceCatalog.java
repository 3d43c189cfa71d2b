package dev.accessaudit.producers.simulator;

import static dev.accessaudit.avro.AccessAction.EXPORT;
import static dev.accessaudit.avro.AccessAction.MODIFY;
import static dev.accessaudit.avro.AccessAction.VIEW;
import static dev.accessaudit.avro.AccessPurpose.ADVERTISING;
import static dev.accessaudit.avro.AccessPurpose.AGGREGATE_STATISTICS;
import static dev.accessaudit.avro.AccessPurpose.COMPLAINT_RESOLUTION;
import static dev.accessaudit.avro.AccessPurpose.CONTENT_IMPROVEMENT;
import static dev.accessaudit.avro.AccessPurpose.CONTENT_PERSONALIZATION;
import static dev.accessaudit.avro.AccessPurpose.CUSTOMER_CONTACT;
import static dev.accessaudit.avro.AccessPurpose.MARKETING;
import static dev.accessaudit.avro.AccessPurpose.QUALITY_CONTROL;
import static dev.accessaudit.avro.AccessPurpose.REGULATORY_LOGGING;
import static dev.accessaudit.avro.AccessPurpose.SERVER_DIAGNOSTICS;
import static dev.accessaudit.avro.AccessPurpose.SITE_ADMINISTRATION;
import static dev.accessaudit.avro.AccessPurpose.STAFF_TRAINING;
import static dev.accessaudit.avro.AccessPurpose.TRANSACTION_PROCESSING;
import static dev.accessaudit.avro.DataCategory.CONTACT_INFO;
import static dev.accessaudit.avro.DataCategory.COOKIE;
import static dev.accessaudit.avro.DataCategory.FINANCIAL;
import static dev.accessaudit.avro.DataCategory.IP_ADDRESS;
import static dev.accessaudit.avro.DataCategory.LIVE_CHAT;
import static dev.accessaudit.avro.DataCategory.TELEPHONE_RECORDING;
import static dev.accessaudit.avro.DataCategory.UNIQUE_IDENTIFIER;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** The simulated services and the compliant ways each touches visitor data. */
final class ServiceCatalog {

  static final ServiceProfile CRM_CONTACT =
      new ServiceProfile(
          "crm",
          CONTACT_INFO,
          List.of(CUSTOMER_CONTACT, CONTENT_IMPROVEMENT),
          List.of(VIEW, MODIFY, EXPORT),
          List.of("email", "phone", "postalAddress"),
          15);
  static final ServiceProfile CRM_IDENTIFIER =
      new ServiceProfile(
          "crm",
          UNIQUE_IDENTIFIER,
          List.of(CUSTOMER_CONTACT, SITE_ADMINISTRATION),
          List.of(VIEW, MODIFY),
          List.of("customerNumber"),
          10);
  static final ServiceProfile BILLING =
      new ServiceProfile(
          "billing",
          FINANCIAL,
          List.of(TRANSACTION_PROCESSING),
          List.of(VIEW, MODIFY),
          List.of("cardNumber", "accountNumber"),
          12);
  static final ServiceProfile BILLING_LOG =
      new ServiceProfile(
          "billing",
          FINANCIAL,
          List.of(REGULATORY_LOGGING),
          List.of(VIEW, EXPORT),
          List.of("accountNumber"),
          3);
  static final ServiceProfile SUPPORT_CHAT =
      new ServiceProfile(
          "support-chat",
          LIVE_CHAT,
          List.of(COMPLAINT_RESOLUTION, CUSTOMER_CONTACT, STAFF_TRAINING),
          List.of(VIEW),
          List.of("chatTranscript"),
          10);
  static final ServiceProfile CALL_CENTRE =
      new ServiceProfile(
          "call-centre",
          TELEPHONE_RECORDING,
          List.of(QUALITY_CONTROL, STAFF_TRAINING, COMPLAINT_RESOLUTION),
          List.of(VIEW),
          List.of("callRecording"),
          10);
  static final ServiceProfile MAILER =
      new ServiceProfile(
          "marketing-mailer",
          CONTACT_INFO,
          List.of(MARKETING),
          List.of(VIEW, EXPORT),
          List.of("email", "firstName"),
          10);
  static final ServiceProfile ANALYTICS =
      new ServiceProfile(
          "web-analytics",
          COOKIE,
          List.of(AGGREGATE_STATISTICS, CONTENT_PERSONALIZATION, ADVERTISING),
          List.of(VIEW),
          List.of("sessionCookie", "promotionCookie"),
          15);
  static final ServiceProfile OPS =
      new ServiceProfile(
          "ops-monitoring",
          IP_ADDRESS,
          List.of(SERVER_DIAGNOSTICS, SITE_ADMINISTRATION),
          List.of(VIEW),
          List.of("clientIp"),
          15);

  static final List<ServiceProfile> ALL =
      List.of(
          CRM_CONTACT,
          CRM_IDENTIFIER,
          BILLING,
          BILLING_LOG,
          SUPPORT_CHAT,
          CALL_CENTRE,
          MAILER,
          ANALYTICS,
          OPS);

  private ServiceCatalog() {}

  /** A profile among those {@code allowed}, by weight; null when none is allowed. */
  static ServiceProfile pick(Random random, Predicate<ServiceProfile> allowed) {
    List<ServiceProfile> options = ALL.stream().filter(allowed).toList();
    if (options.isEmpty()) {
      return null;
    }
    double[] weights = options.stream().mapToDouble(ServiceProfile::weight).toArray();
    return options.get(Draw.weighted(random, weights));
  }
}
