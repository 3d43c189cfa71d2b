package dev.accessaudit.streams.rules.data;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
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
 * UNENCRYPTED_TRANSFER: data of the given categories moved (an EXPORT or DISCLOSE by default) with
 * {@code encryptedInTransit=false}. The 2005 policy promises it for financial information only, the
 * later policy for all visitor information; the policy file picks the categories.
 */
public final class UnencryptedTransferRule implements Rule {

  public static final String ID = "UNENCRYPTED_TRANSFER";

  private final Set<AccessAction> transferActions;
  private final Set<DataCategory> categories;

  /**
   * @param transferActions the actions that move data
   * @param categories the categories that must be encrypted while they move
   */
  public UnencryptedTransferRule(Set<AccessAction> transferActions, Set<DataCategory> categories) {
    this.transferActions = Set.copyOf(transferActions);
    this.categories = Set.copyOf(categories);
  }

  /** EXPORT and DISCLOSE of any category. */
  public static UnencryptedTransferRule withDefaults() {
    return new UnencryptedTransferRule(
        EnumSet.of(AccessAction.EXPORT, AccessAction.DISCLOSE), EnumSet.allOf(DataCategory.class));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    AccessEvent event = access.event();
    if (event.getEncryptedInTransit()
        || !transferActions.contains(event.getAction())
        || !categories.contains(event.getCategory())) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            Describe.access(event) + " without encrypting it in transit.",
            Map.of("encryptedInTransit", "false")));
  }
}
