package io.salesrisk.engine.table;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The table reader without the compiler: what a workbook holds, where, and what is wrong with it. */
class DecisionTableParserTest {

    @Test
    void shouldReadTheRuleSetTheTablesTheirColumnsAndRows() throws Exception {
        // given
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("OrderValue").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", "maximum order values")
                .table(5, "MaxOrderValue")
                .condition("check: OrderCheck", "customer.riskClass == \"$param\"", "Risk class")
                .condition("check: OrderCheck", "order.amount > $param", "Max order value")
                .action("check.react(Outcome.$param, \"too large\")", "Reaction").header()
                .row("A", 500000, "REVIEW").row("B", 250000, "REVIEW").end().done();

        // when
        DecisionTableWorkbook parsed = DecisionTableWorkbook.read("limits.xlsx", workbook.bytes());

        // then
        assertThat(parsed.packageName()).isEqualTo("io.salesrisk.rules");
        assertThat(parsed.properties()).containsKeys("import", "notes");
        assertThat(parsed.messages()).isEmpty();
        assertThat(parsed.sheets()).extracting(SheetGrid::name).containsExactly("OrderValue");
        RuleTable table = parsed.tables().get(0);
        assertThat(table.name()).isEqualTo("MaxOrderValue");
        assertThat(table.columns()).extracting(TableColumn::kind)
                .containsExactly(ColumnKind.CONDITION, ColumnKind.CONDITION, ColumnKind.ACTION);
        assertThat(table.columns()).extracting(c -> c.label().text()).containsExactly("Risk class", "Max order value", "Reaction");
        assertThat(table.columns().get(0).patternKey()).isEqualTo(table.columns().get(1).patternKey());
        assertThat(table.rows()).extracting(TableRow::row).containsExactly(10, 11);
        assertThat(table.rows().get(1).cells()).extracting(SheetCell::text).containsExactly("B", "250000", "REVIEW");
        assertThat(table.rows().get(1).cells().get(1).ref()).isEqualTo("C11");
    }

    @Test
    void shouldReportAMissingActionAndAnUnknownColumnTypeAtTheirCells() throws Exception {
        // given
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Broken").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(5, "NoAction").condition("check: OrderCheck", "order.amount > $param", "Amount")
                .column("WHATEVER", "", "x", "What").header().row(1, 2).end().done();

        // when
        DecisionTableWorkbook parsed = DecisionTableWorkbook.read("broken.xlsx", workbook.bytes());

        // then
        assertThat(parsed.hasErrors()).isTrue();
        assertThat(parsed.messages()).extracting(CompileMessage::location)
                .contains("broken.xlsx, sheet Broken, C6", "broken.xlsx, sheet Broken, B6");
        assertThat(parsed.messages()).anySatisfy(m -> assertThat(m.message()).contains("'WHATEVER' is not a column type"));
        assertThat(parsed.messages()).anySatisfy(m -> assertThat(m.message()).contains("has no ACTION column"));
    }

    @Test
    void shouldNormaliseTypographicQuotesAndStraySpacesWithAWarning() throws Exception {
        // given
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Quotes").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(5, "Quoted").condition("check: OrderCheck", "customer.riskClass == \u201C$param\u201D", "Class")
                .action("check.review(\"x\")", "Review").header().row(" A\u00A0", "x").end().done();

        // when
        DecisionTableWorkbook parsed = DecisionTableWorkbook.read("quotes.xlsx", workbook.bytes());

        // then
        RuleTable table = parsed.tables().get(0);
        assertThat(table.columns().get(0).template().text()).isEqualTo("customer.riskClass == \"$param\"");
        assertThat(table.rows().get(0).cells().get(0).text()).isEqualTo("A");
        assertThat(parsed.hasErrors()).isFalse();
        assertThat(parsed.messages()).extracting(CompileMessage::message)
                .anySatisfy(m -> assertThat(m).contains("typographic quotes"))
                .anySatisfy(m -> assertThat(m).contains("stray spaces"));
    }
}
