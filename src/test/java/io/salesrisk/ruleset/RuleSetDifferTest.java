package io.salesrisk.ruleset;

import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.ruleset.diff.RuleSetDiff;
import io.salesrisk.ruleset.diff.RuleSetDiffer;
import io.salesrisk.testsupport.ShippedTables;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A diff lists changed table rows cell by cell and changed DRL rules. */
class RuleSetDifferTest {

    @Test
    void shouldShowAChangedThresholdAsOneCellOfItsRow() throws Exception {
        RuleSources before = new RuleSources(List.of(new RuleFile("decision-tables/order-credit-checks.xlsx",
                Files.readAllBytes(Path.of("decision-tables/order-credit-checks.xlsx")))));
        RuleSources after = new RuleSources(List.of(new RuleFile("decision-tables/order-credit-checks.xlsx",
                ShippedTables.withCell("OrderValue", "C12", 90000))));

        RuleSetDiff diff = RuleSetDiffer.diff("a", before, "b", after);

        assertThat(diff.files()).singleElement().satisfies(f -> assertThat(f.change()).isEqualTo(RuleSetDiff.Change.CHANGED));
        assertThat(diff.rows()).singleElement().satisfies(row -> {
            assertThat(row.sheet()).isEqualTo("OrderValue");
            assertThat(row.table()).isEqualTo("MaxOrderValueExceeded");
            assertThat(row.key()).isEqualTo("Risk class = C");
            assertThat(row.toRow()).isEqualTo(12);
            assertThat(row.cells()).containsExactly(new RuleSetDiff.CellChange("Max order value", "100000", "90000"));
        });
    }

    @Test
    void shouldShowARowInsertedAboveOthersAsOneAddedRowAndKeepTheNamesOfTheRest() throws Exception {
        // given: a new first row in the OrderValue table; every row below it moves down one row
        RuleSources before = new RuleSources(List.of(new RuleFile("decision-tables/order-credit-checks.xlsx",
                Files.readAllBytes(Path.of("decision-tables/order-credit-checks.xlsx")))));
        RuleSources after = new RuleSources(List.of(new RuleFile("decision-tables/order-credit-checks.xlsx",
                ShippedTables.withRowInserted("OrderValue", 10, "X", 1000, "REVIEW"))));

        // when
        RuleSetDiff diff = RuleSetDiffer.diff("a", before, "b", after);

        // then: the rows are paired by their rule names, so only the new row shows
        assertThat(diff.rows()).singleElement().satisfies(row -> {
            assertThat(row.rule()).isEqualTo("MaxOrderValueExceeded[X]");
            assertThat(row.change()).isEqualTo(RuleSetDiff.Change.ADDED);
            assertThat(row.toRow()).isEqualTo(10);
        });
        assertThat(ruleRows(after)).containsEntry("MaxOrderValueExceeded[C]", "OrderValue!13")
                .containsAllEntriesOf(shifted(ruleRows(before), "OrderValue"));
    }

    /** Rule name to sheet and row, for every table row of the sources. */
    private static java.util.Map<String, String> ruleRows(RuleSources sources) throws Exception {
        java.util.Map<String, String> rows = new java.util.HashMap<>();
        for (RuleFile file : sources.ruleFiles()) {
            for (var table : io.salesrisk.engine.table.DecisionTableWorkbook.read(file.fileName(), file.content()).tables()) {
                table.rows().forEach(row -> rows.put(row.rule(), table.sheet() + "!" + row.row()));
            }
        }
        return rows;
    }

    /** The same rules with the rows of one sheet one lower, as after inserting a row at its top. */
    private static java.util.Map<String, String> shifted(java.util.Map<String, String> rows, String sheet) {
        java.util.Map<String, String> moved = new java.util.HashMap<>();
        rows.forEach((rule, at) -> {
            String[] parts = at.split("!");
            moved.put(rule, parts[0].equals(sheet) ? sheet + "!" + (Integer.parseInt(parts[1]) + 1) : at);
        });
        return moved;
    }

    @Test
    void shouldListAddedRemovedAndChangedDrlRules() {
        RuleSources before = new RuleSources(List.of(drl("""
                rule "Kept"
                when
                then
                end
                rule "Changed"
                when
                    check: OrderCheck(order.amount > 1)
                then
                end
                rule "Removed"
                when
                then
                end
                """)));
        RuleSources after = new RuleSources(List.of(drl("""
                rule "Kept"
                when
                then
                end
                rule "Changed"
                when
                    check: OrderCheck(order.amount > 2)
                then
                end
                rule "Added"
                when
                then
                end
                """)));

        RuleSetDiff diff = RuleSetDiffer.diff("a", before, "b", after);

        assertThat(diff.drlRules()).extracting(RuleSetDiff.RuleChange::rule, RuleSetDiff.RuleChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Changed", RuleSetDiff.Change.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("Removed", RuleSetDiff.Change.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("Added", RuleSetDiff.Change.ADDED));
    }

    private static RuleFile drl(String text) {
        return new RuleFile("rules/x.drl", ("package io.salesrisk.rules;\n" + text).getBytes(StandardCharsets.UTF_8));
    }
}
