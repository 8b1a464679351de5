package io.salesrisk.engine.table;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** One reading of table cells: lists, quotes and numbers as risk officers type them. */
class CellValuesTest {

    @Test
    void shouldSplitListsOnCommasOutsideQuotesAndKeepEscapedCommas() {
        assertThat(CellValues.list("D, E")).containsExactly("D", "E");
        assertThat(CellValues.list("\"a, b\", c")).containsExactly("\"a, b\"", "c");
        assertThat(CellValues.list("1\\,5, 2")).containsExactly("1,5", "2");
        assertThat(CellValues.list("a,,c")).as("an empty item holds a place for $1..$n").containsExactly("a", "", "c");
        assertThat(CellValues.list("a, ")).containsExactly("a");
    }

    @Test
    void shouldReadKeyValuesWithoutQuotesOrEmptyItems() {
        assertThat(CellValues.values("\"AAA\", AA,, ")).containsExactly("AAA", "AA");
        assertThat(CellValues.unquote(" \"C\" ")).isEqualTo("C");
        assertThat(CellValues.unquote("\"")).isEqualTo("\"");
    }

    @Test
    void shouldReadNumbersWrittenWithSeparatorsSpacesOrPercent() {
        assertThat(CellValues.number("1,000")).isEqualByComparingTo("1000");
        assertThat(CellValues.number("1 000 000.50")).isEqualByComparingTo("1000000.50");
        assertThat(CellValues.number("15 %")).isEqualByComparingTo("15");
        assertThat(CellValues.number("-3.5")).isEqualByComparingTo("-3.5");
        assertThat(CellValues.number("1,5")).as("not a thousands group").isNull();
        assertThat(CellValues.number("A")).isNull();
        assertThat(CellValues.number(null)).isNull();
    }

    @Test
    void shouldTellFormattedFromPlainNumbers() {
        assertThat(CellValues.isFormattedNumber("75,000")).isTrue();
        assertThat(CellValues.isFormattedNumber("75000")).isFalse();
        assertThat(CellValues.isPlainNumber("75000.5")).isTrue();
        assertThat(CellValues.plainNumber("15 %")).isEqualTo("15");
    }

    @Test
    void shouldReadWholeNumbersWithinBounds() {
        assertThat(CellValues.wholeNumber("3", 1, 5)).isEqualTo(3);
        assertThat(CellValues.wholeNumber("6", 1, 5)).isNull();
        assertThat(CellValues.wholeNumber("2.5", 1, 5)).isNull();
        assertThat(CellValues.wholeNumber("x", 1, 5)).isNull();
        assertThat(new BigDecimal("2.0").intValueExact()).isEqualTo(2);
    }
}
