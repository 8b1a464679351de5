package io.salesrisk.engine.table;

import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule names come from what a row says, so inserting or moving rows in Excel renames no other rule. */
class RuleNamesTest {

    private static final String CHECK = "check: OrderCheck";

    @Test
    void shouldNameRowsAfterTheirKeyCells() throws Exception {
        // given
        byte[] workbook = maxOrderValue(new Object[]{"A", 500000, "REVIEW"}, new Object[]{"D, E", 50000, "BLOCK"},
                new Object[]{null, 900000, "BLOCK"});

        // when
        Map<String, Integer> rules = rulesByRow(workbook);

        // then
        assertThat(rules).containsExactly(Map.entry("MaxOrderValue[A]", 7), Map.entry("MaxOrderValue[D/E]", 8),
                Map.entry("MaxOrderValue[any]", 9));
    }

    @Test
    void shouldKeepEveryNameWhenARowIsInsertedAbove() throws Exception {
        // given: a table, and the same table with a new first row
        Map<String, Integer> before = rulesByRow(maxOrderValue(new Object[]{"A", 500000, "REVIEW"},
                new Object[]{"B", 250000, "REVIEW"}, new Object[]{"C", 100000, "BLOCK"}));

        // when
        Map<String, Integer> after = rulesByRow(maxOrderValue(new Object[]{"AA", 900000, "REVIEW"},
                new Object[]{"A", 500000, "REVIEW"}, new Object[]{"B", 250000, "REVIEW"}, new Object[]{"C", 100000, "BLOCK"}));

        // then: each rule kept its name and moved one row down; the new row got its own
        before.forEach((rule, row) -> assertThat(after).containsEntry(rule, row + 1));
        assertThat(after).containsEntry("MaxOrderValue[AA]", 7).hasSize(4);
    }

    @Test
    void shouldAddTheBoundsOnlyForRowsThatShareTheirKeys() throws Exception {
        // given: two bands for ENTERPRISE, one row for SMB
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Seasonal").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(5, "SeasonalDrop")
                .condition("assessment: Assessment", "profile.segment == \"$param\"", "Segment")
                .condition("assessment: Assessment", "profile.seasonalDropPercent >= $param", "From %")
                .condition("assessment: Assessment", "profile.seasonalDropPercent < $param", "Below %")
                .action("assessment.signal(\"SEASONAL_DROP\", Severity.$param, \"drop\")", "Severity").header()
                .row("ENTERPRISE", 15, 30, "MEDIUM").row("ENTERPRISE", 30, null, "HIGH").row("SMB", 25, null, "HIGH")
                .end().done();

        // when
        Map<String, Integer> rules = rulesByRow(workbook.bytes());

        // then
        assertThat(rules.keySet()).containsExactly("SeasonalDrop[ENTERPRISE, 15..30]", "SeasonalDrop[ENTERPRISE, 30..]",
                "SeasonalDrop[SMB]");
    }

    @Test
    void shouldNameBandsWithoutKeysByTheirBoundsAndAOneRowTableByItsName() throws Exception {
        // given
        WorkbookBuilder workbook = new WorkbookBuilder();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("Score").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null);
        sheet.table(5, "ScoreDso").condition("card: Scorecard", "profile.dsoDays >= $param", "From")
                .condition("card: Scorecard", "profile.dsoDays < $param", "Below")
                .action("card.add(\"DSO\", $param, \"dso\")", "Points").header()
                .row(null, 30, 10).row(30, 60, 5).row(60, null, 0).end();
        sheet.table(15, "HighDso").condition("card: Scorecard", "profile.dsoDays >= $param", "From")
                .action("card.add(\"DSO\", $param, \"dso\")", "Points").header().row(120, -5).end();
        sheet.done();

        // when
        Map<String, Integer> rules = rulesByRow(workbook.bytes());

        // then
        assertThat(rules.keySet()).containsExactly("ScoreDso[..30]", "ScoreDso[30..60]", "ScoreDso[60..]", "HighDso");
    }

    @Test
    void shouldUseTheNameColumnAsTypedAndNumberRowsThatAreStillAlike() throws Exception {
        // given: a NAME column filled on one row; two rows with the very same conditions
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("OrderValue").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(2, "MaxOrderValue").column("NAME", "", "", "Rule")
                .condition(CHECK, "customer.riskClass == \"$param\"", "Risk class")
                .action("check.react(Outcome.$param, \"too large\")", "Reaction").header()
                .row("BigOrdersOfA", "A", "REVIEW").row(null, "B", "REVIEW").row(null, "B", "BLOCK")
                .end().done();

        // when
        Map<String, Integer> rules = rulesByRow(workbook.bytes());

        // then
        assertThat(rules.keySet()).containsExactly("BigOrdersOfA", "MaxOrderValue[B]", "MaxOrderValue[B] #2");
    }

    private static byte[] maxOrderValue(Object[]... rows) {
        WorkbookBuilder workbook = new WorkbookBuilder();
        WorkbookBuilder.TableBuilder table = workbook.sheet("OrderValue").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(2, "MaxOrderValue")
                .condition(CHECK, "forall(||){customer.riskClass == \"$\"}", "Risk class")
                .condition(CHECK, "order.amount > $param", "Max order value")
                .action("check.react(Outcome.$param, \"too large\")", "Reaction").header();
        for (Object[] row : rows) {
            table.row(row);
        }
        table.end().done();
        return workbook.bytes();
    }

    /** Every rule name of the workbook with the sheet row it comes from, in row order. */
    private static Map<String, Integer> rulesByRow(byte[] workbook) throws Exception {
        Map<String, Integer> rules = new LinkedHashMap<>();
        for (RuleTable table : DecisionTableWorkbook.read("test.xlsx", workbook).tables()) {
            table.rows().forEach(row -> rules.put(row.rule(), row.row()));
        }
        assertThat(rules).as("rule names are unique").hasSize(countRows(workbook));
        return rules;
    }

    private static int countRows(byte[] workbook) throws Exception {
        return DecisionTableWorkbook.read("test.xlsx", workbook).tables().stream().map(RuleTable::rows).mapToInt(List::size).sum();
    }
}
