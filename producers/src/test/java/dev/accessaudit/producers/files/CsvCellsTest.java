package dev.accessaudit.producers.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

  @Test
  void shouldSplitPlainAndQuotedCells() {
    assertThat(CsvCells.split("a, b ,\"c, d\",,\"e \"\"f\"\"\""))
        .containsExactly("a", "b", "c, d", "", "e \"f\"");
  }

  @Test
  void shouldKeepTrailingEmptyCell() {
    assertThat(CsvCells.split("a,")).containsExactly("a", "");
  }

  @Test
  void shouldRefuseTextAfterAClosingQuote() {
    assertThatThrownBy(() -> CsvCells.split("\"a\"b,c"))
        .hasMessage("unexpected text after the quoted cell that starts at column 1");
  }
}
