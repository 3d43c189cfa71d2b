package dev.accessaudit.streams.policy;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.streams.rules.AccessContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one test case. Defaults keep cases short: an access is a VIEW of CONTACT_INFO for
 * CUSTOMER_CONTACT by staff s-test in GB of visitor v-test, encrypted, with no recipient; the
 * agreement is ACTIVE for an EMPLOYEE since 2000-01-01 unless {@code agreement: none} or given;
 * there is no consent on record unless given.
 */
final class TestCaseReader {

  static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
  private static final List<String> KEYS =
      List.of(
          "name",
          "type",
          "event",
          "agreement",
          "consent",
          "raises",
          "doesNotRaise",
          "raisesExactly",
          "policyVersion",
          "staffId",
          "distinctVisitors",
          "windowStart");

  private final Problems problems;
  private final RecordFields fields;

  TestCaseReader(Problems problems) {
    this.problems = problems;
    this.fields = new RecordFields(problems);
  }

  Optional<PolicyTestCase> read(YamlMap entry) {
    entry.allowOnly(KEYS, "a test case");
    int before = problems.count();
    int line = entry.node().getStartMark().getLine() + 1;
    String name = entry.requiredText("name", "a test case").orElse("");
    String type = entry.text("type").orElse("access");
    PolicyTestCase.Expectations expected = expectations(entry);
    AccessContext access = null;
    PolicyTestCase.BulkCount bulk = null;
    if (type.equals("bulk")) {
      bulk = new BulkCaseReader(problems).read(entry);
    } else if (type.equals("access")) {
      access = access(entry, line);
    } else {
      problems.at(
          entry.get("type").orElseThrow(),
          "unknown case type '" + type + "' (known: access, bulk)");
    }
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new PolicyTestCase(name, line, access, bulk, expected));
  }

  private AccessContext access(YamlMap entry, int line) {
    AccessEvent event = defaultEvent(line);
    Optional<YamlMap> given = entry.get("event").flatMap(n -> YamlMap.of(n, "event", problems));
    given.ifPresent(map -> fields.apply(map, event, Map.of(), "event"));
    if (given.isEmpty() || given.get().text("occurredAt").isEmpty()) {
      problems.at(
          given.map(YamlMap::node).orElse(entry.node()),
          "an access case needs event.occurredAt (the policy version depends on it)");
    }
    return new AccessContext(event, agreement(entry, event), consent(entry, event));
  }

  private StaffAgreement agreement(YamlMap entry, AccessEvent event) {
    StaffAgreement agreement =
        new StaffAgreement(
            event.getStaffId(),
            AgreementStatus.ACTIVE,
            EmploymentType.EMPLOYEE,
            LONG_AGO,
            null,
            "policy-test",
            "policy-test");
    Optional<Node> node = entry.get("agreement");
    if (node.isEmpty()) {
      return agreement;
    }
    if (isNone(node.get())) {
      return null;
    }
    YamlMap.of(node.get(), "agreement", problems)
        .ifPresent(map -> fields.apply(map, agreement, Map.of(), "agreement"));
    return agreement;
  }

  private VisitorConsent consent(YamlMap entry, AccessEvent event) {
    Optional<Node> node = entry.get("consent");
    if (node.isEmpty() || isNone(node.get())) {
      return null;
    }
    VisitorConsent consent = new VisitorConsent(event.getVisitorId(), false, LONG_AGO, null);
    YamlMap.of(node.get(), "consent", problems)
        .ifPresent(
            map -> fields.apply(map, consent, Map.of("optOut", "marketingOptOut"), "consent"));
    return consent;
  }

  private PolicyTestCase.Expectations expectations(YamlMap entry) {
    List<String> raises = ids(entry, "raises").orElse(List.of());
    List<String> doesNotRaise = ids(entry, "doesNotRaise").orElse(List.of());
    Optional<List<String>> exactly = ids(entry, "raisesExactly");
    if (!entry.keys().contains("raises")
        && !entry.keys().contains("doesNotRaise")
        && exactly.isEmpty()) {
      problems.at(entry.node(), "a test case needs raises, doesNotRaise or raisesExactly");
    }
    Optional<String> version = entry.text("policyVersion");
    return new PolicyTestCase.Expectations(raises, doesNotRaise, exactly, version);
  }

  private Optional<List<String>> ids(YamlMap entry, String key) {
    return entry
        .get(key)
        .map(
            node ->
                YamlMap.items(node, key, problems).stream()
                    .filter(ScalarNode.class::isInstance)
                    .map(n -> ((ScalarNode) n).getValue().trim())
                    .filter(id -> !id.isEmpty())
                    .toList());
  }

  private static boolean isNone(Node node) {
    return RecordFields.isNull(node)
        || (node instanceof ScalarNode scalar && scalar.getValue().equals("none"));
  }

  private static AccessEvent defaultEvent(int line) {
    return AccessEvent.newBuilder()
        .setEventId("policy-test-line-" + line)
        .setOccurredAt(LONG_AGO)
        .setService("policy-test")
        .setStaffId("s-test")
        .setStaffOffice("GB")
        .setVisitorId("v-test")
        .setCategory(DataCategory.CONTACT_INFO)
        .setAction(AccessAction.VIEW)
        .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
        .setEncryptedInTransit(true)
        .build();
  }
}
