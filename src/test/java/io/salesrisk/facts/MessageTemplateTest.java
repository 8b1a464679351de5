package io.salesrisk.facts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTemplateTest {

    @Test
    void shouldFormatMoneyWithTwoDecimalsAndGrouping() {
        assertThat(MessageTemplate.format(new BigDecimal("1234567.50"))).isEqualTo("1,234,567.50");
        assertThat(MessageTemplate.format(new BigDecimal("-55000.00"))).isEqualTo("-55,000.00");
        assertThat(MessageTemplate.format(new BigDecimal("999.00"))).isEqualTo("999.00");
    }

    @Test
    void shouldFormatOtherNumbersWithoutTrailingZeros() {
        assertThat(MessageTemplate.format(new BigDecimal("13.3333"))).isEqualTo("13.33");
        assertThat(MessageTemplate.format(new BigDecimal("25.0000"))).isEqualTo("25");
        assertThat(MessageTemplate.format(new BigDecimal("500000"))).isEqualTo("500,000");
        assertThat(MessageTemplate.format(45)).isEqualTo("45");
        assertThat(MessageTemplate.format(true)).isEqualTo("yes");
    }

    @Test
    void shouldKeepUnknownPlaceholdersVisible() {
        String rendered = MessageTemplate.render("limit {limit} and {typo}", Map.of("limit", (Object) new BigDecimal("10.00"))::get);

        assertThat(rendered).isEqualTo("limit 10.00 and {typo?}");
    }

    @Test
    void shouldResolveRowValuesByLabelIgnoringCase() {
        RuleRef rule = new RuleRef("T_7", "t.xlsx, sheet S, row 7", "t.xlsx", "S", 7, Map.of("Max order value", "500000"));

        assertThat(MessageTemplate.rowValue(rule, " max ORDER value ")).isEqualTo(new BigDecimal("500000"));
        assertThat(MessageTemplate.rowValue(rule, "missing")).isNull();
    }
}
