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
