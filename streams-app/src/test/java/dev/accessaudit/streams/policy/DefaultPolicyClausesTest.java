package dev.accessaudit.streams.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every clause of the shipped policy is quoted from the source text of its own version. */
class DefaultPolicyClausesTest {

  private static final String SOURCE_2005 =
      normalise(PolicyFile.resourceText("/policy/sources/000_2a993c8960e737e3.txt"));
  private static final String SOURCE_2009 =
      normalise(PolicyFile.resourceText("/policy/sources/002_4efb1869f283819e.txt"));

  @Test
  void shouldQuoteEveryClauseFromItsVersionsSourceText() {
    for (PolicyVersion version : PolicyFile.defaultPolicy().versions()) {
      String source = version.name().equals("2005") ? SOURCE_2005 : SOURCE_2009;
      for (PolicyRule rule : version.rules()) {
        assertThat(source)
            .as(version.name() + " " + rule.ruleId() + " clause")
            .contains(normalise(rule.clause()));
      }
    }
  }

  /** Line breaks and runs of white space in the sources read as one space. */
  private static String normalise(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
