package dev.accessaudit.streams.policy;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.agreement.AgreementExpiredRule;
import dev.accessaudit.streams.rules.agreement.AgreementMissingRule;
import dev.accessaudit.streams.rules.agreement.AgreementPendingRule;
import dev.accessaudit.streams.rules.agreement.AgreementRevokedRule;
import dev.accessaudit.streams.rules.data.ExternalDisclosureRule;
import dev.accessaudit.streams.rules.data.FinancialOutsideTransactionRule;
import dev.accessaudit.streams.rules.data.IpAddressMisuseRule;
import dev.accessaudit.streams.rules.data.MarketingAfterOptOutRule;
import dev.accessaudit.streams.rules.data.RegionRestrictedDataRule;
import dev.accessaudit.streams.rules.data.UnencryptedTransferRule;
import dev.accessaudit.streams.rules.staff.BulkAccessRule;
import dev.accessaudit.streams.rules.staff.NonEmployeeAccessRule;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in rules a policy file can name, with their parameters and defaults. See docs/policy.md
 * for what each one enforces.
 */
public final class BuiltInRules {

  private static final Map<String, Function<RuleParameters, Rule>> FACTORIES = factories();

  private BuiltInRules() {}

  /** The ids of every built-in rule, in documentation order. */
  public static Set<String> ids() {
    return FACTORIES.keySet();
  }

  public static boolean isBuiltIn(String id) {
    return FACTORIES.containsKey(id);
  }

  /** The rule with its parameters read (and problems reported), when the id is built in. */
  static Optional<Rule> create(String id, RuleParameters parameters) {
    return Optional.ofNullable(FACTORIES.get(id)).map(factory -> factory.apply(parameters));
  }

  private static Map<String, Function<RuleParameters, Rule>> factories() {
    Map<String, Function<RuleParameters, Rule>> rules = new LinkedHashMap<>();
    rules.put(AgreementMissingRule.ID, p -> new AgreementMissingRule());
    rules.put(AgreementRevokedRule.ID, p -> new AgreementRevokedRule());
    rules.put(AgreementExpiredRule.ID, p -> new AgreementExpiredRule());
    rules.put(AgreementPendingRule.ID, p -> new AgreementPendingRule());
    rules.put(
        FinancialOutsideTransactionRule.ID,
        p ->
            new FinancialOutsideTransactionRule(
                p.enums(
                    "transactionPurposes",
                    AccessPurpose.class,
                    EnumSet.of(AccessPurpose.TRANSACTION_PROCESSING)),
                p.enums(
                    "loggingPurposes",
                    AccessPurpose.class,
                    EnumSet.of(AccessPurpose.REGULATORY_LOGGING))));
    rules.put(
        ExternalDisclosureRule.ID,
        p -> new ExternalDisclosureRule(p.strings("internalRecipients", Set.of())));
    rules.put(
        IpAddressMisuseRule.ID,
        p ->
            new IpAddressMisuseRule(
                p.enums(
                    "allowedPurposes",
                    AccessPurpose.class,
                    EnumSet.of(
                        AccessPurpose.SERVER_DIAGNOSTICS, AccessPurpose.SITE_ADMINISTRATION))));
    rules.put(MarketingAfterOptOutRule.ID, p -> new MarketingAfterOptOutRule());
    rules.put(
        RegionRestrictedDataRule.ID,
        p ->
            new RegionRestrictedDataRule(
                p.enums(
                    "categories",
                    DataCategory.class,
                    EnumSet.of(DataCategory.LIVE_CHAT, DataCategory.TELEPHONE_RECORDING)),
                p.offices("allowedOffices", Set.of("GB"))));
    rules.put(
        UnencryptedTransferRule.ID,
        p ->
            new UnencryptedTransferRule(
                p.enums(
                    "actions",
                    AccessAction.class,
                    EnumSet.of(AccessAction.EXPORT, AccessAction.DISCLOSE)),
                p.enums("categories", DataCategory.class, EnumSet.allOf(DataCategory.class))));
    rules.put(
        NonEmployeeAccessRule.ID,
        p ->
            new NonEmployeeAccessRule(
                p.enums(
                    "nonEmployees",
                    EmploymentType.class,
                    EnumSet.of(EmploymentType.CONTRACTOR, EmploymentType.VENDOR))));
    rules.put(
        BulkAccessRule.ID,
        p ->
            new BulkAccessRule(
                p.positiveInt("threshold", BulkAccessRule.DEFAULT_THRESHOLD),
                p.positiveDuration("window", BulkAccessRule.DEFAULT_WINDOW)));
    return rules;
  }
}
