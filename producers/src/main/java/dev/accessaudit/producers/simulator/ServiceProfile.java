package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import java.util.List;

/**
 * One plausible, compliant way a service touches one kind of data.
 *
 * @param service the emitting application, e.g. {@code billing}
 * @param category the data touched
 * @param purposes the purposes it may serve
 * @param actions what it may do (EXPORT always encrypted)
 * @param fields names of the fields it touches
 * @param weight how often it happens, relative to the others
 */
record ServiceProfile(
    String service,
    DataCategory category,
    List<AccessPurpose> purposes,
    List<AccessAction> actions,
    List<String> fields,
    int weight) {

  /** Whether only staff in GB offices may do this under the 2009 policy. */
  boolean ukOnly() {
    return GroundTruth.ukOnly(category);
  }

  /** Whether this is marketing to the visitor's contact details, which opt-outs forbid. */
  boolean marketing() {
    return category == DataCategory.CONTACT_INFO && purposes.contains(AccessPurpose.MARKETING);
  }

  /** Whether it processes a transaction, and so carries a transactionId. */
  boolean transactional() {
    return purposes.contains(AccessPurpose.TRANSACTION_PROCESSING);
  }
}
