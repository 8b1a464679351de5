package io.salesrisk.ruleset;

import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ruleset.config.RulesConfig;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.ruleset.service.RuleFolders;
import io.salesrisk.ruleset.service.RuleSetStartup;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Startup compiles the rule folders; a broken file stops it with the file, sheet and cell at fault. */
class RuleSetStartupTest {

    @TempDir
    Path folders;

    private RuleSetStartup startup(ActiveRuleSet active) {
        RulesConfig config = new RulesConfig() {
            public String drlDir() {
                return folders.resolve("rules").toString();
            }

            public String tablesDir() {
                return folders.resolve("decision-tables").toString();
            }

            public int maxFirings() {
                return 100;
            }
        };
        return new RuleSetStartup(new DroolsRuleEngine(100), new RuleFolders(config), active);
    }

    private void write(String brokenValue) throws Exception {
        Files.createDirectories(folders.resolve("rules"));
        Files.createDirectories(folders.resolve("decision-tables"));
        Files.copy(Path.of("rules/order-checks.drl"), folders.resolve("rules/order-checks.drl"));
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Limits").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(5, "Limit").condition("check: OrderCheck", "order.amount > $param", "Max amount")
                .action("check.review(\"too big\");", "Review").header()
                .row(1000, "x").row(brokenValue, "x").end().done();
        Files.write(folders.resolve("decision-tables/credit-limits.xlsx"), workbook.bytes());
        // an Excel lock file next to it is not a rule file
        Files.write(folders.resolve("decision-tables/~$credit-limits.xlsx"), new byte[]{1, 2, 3});
    }

    @Test
    void shouldActivateTheCompiledFolders() throws Exception {
        write("2000");
        ActiveRuleSet active = new ActiveRuleSet();

        startup(active).onStart(null);

        assertThat(active.current().rules()).hasSize(3);
    }

    @Test
    void shouldRefuseToStartWithABrokenTableNamingSheetAndCell() throws Exception {
        write("2OOO");
        ActiveRuleSet active = new ActiveRuleSet();

        assertThatThrownBy(() -> startup(active).onStart(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credit-limits.xlsx, sheet Limits, B11");
        assertThat(active.find()).isEmpty();
    }
}
