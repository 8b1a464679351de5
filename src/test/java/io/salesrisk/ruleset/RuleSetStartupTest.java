package io.salesrisk.ruleset;

import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ruleset.persistence.RuleSetStatus;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.ruleset.service.CompiledRuleSets;
import io.salesrisk.ruleset.service.RuleFolderWatcher;
import io.salesrisk.ruleset.service.RuleFolders;
import io.salesrisk.ruleset.service.RuleSetBootstrap;
import io.salesrisk.ruleset.service.RuleSetService;
import io.salesrisk.testsupport.InMemoryRuleSetStore;
import io.salesrisk.testsupport.TestRulesConfig;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Startup runs the rule folders; a broken file stops a first start naming the cell, but never replaces a working version. */
class RuleSetStartupTest {

    @TempDir
    Path folders;

    private final InMemoryRuleSetStore store = new InMemoryRuleSetStore();
    private final ActiveRuleSet active = new ActiveRuleSet();

    private RuleSetBootstrap bootstrap() {
        return bootstrap(true);
    }

    private RuleSetBootstrap bootstrap(boolean autoActivate) {
        TestRulesConfig config = new TestRulesConfig(folders.resolve("rules"), folders.resolve("decision-tables"), true,
                autoActivate);
        DroolsRuleEngine engine = new DroolsRuleEngine(100);
        RuleSetService service = new RuleSetService(engine, store, new CompiledRuleSets(engine, store), active, config,
                Clock.systemUTC(), java.util.List.of());
        RuleFolders ruleFolders = new RuleFolders(config);
        return new RuleSetBootstrap(service, ruleFolders, active, new RuleFolderWatcher(ruleFolders, service, config), config);
    }

    private void write(Object limitValue) throws Exception {
        Files.createDirectories(folders.resolve("rules"));
        Files.createDirectories(folders.resolve("decision-tables"));
        Files.copy(Path.of("rules/order-checks.drl"), folders.resolve("rules/order-checks.drl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Limits").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(5, "Limit").condition("check: OrderCheck", "order.amount > $param", "Max amount")
                .action("check.review(\"too big\");", "Review").header()
                .row(1000, "x").row(limitValue, "x").end().done();
        Files.write(folders.resolve("decision-tables/credit-limits.xlsx"), workbook.bytes());
        // an Excel lock file next to it is not a rule file
        Files.write(folders.resolve("decision-tables/~$credit-limits.xlsx"), new byte[]{1, 2, 3});
    }

    @Test
    void shouldActivateTheFoldersOnAFreshDatabase() throws Exception {
        write(2000);

        bootstrap().start();

        assertThat(active.current().rules()).hasSize(6); // 2 table rows + the 4 rules of the shipped order-checks.drl
        assertThat(store.activeVersion()).contains(active.current().version());
    }

    @Test
    void shouldRefuseAFirstStartWithABrokenTableNamingSheetAndCell() throws Exception {
        write("2OOO");

        assertThatThrownBy(() -> bootstrap().start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credit-limits.xlsx, sheet Limits, B11");
        assertThat(active.find()).isEmpty();
    }

    @Test
    void shouldLeaveAChangedFolderAsACandidateWhenAutoActivationIsOff() throws Exception {
        write(2000);
        bootstrap(false).start();
        String working = active.current().version();
        write(3000);

        bootstrap(false).start();

        assertThat(active.current().version()).isEqualTo(working);
        assertThat(store.list()).extracting(r -> r.status()).containsExactlyInAnyOrder(RuleSetStatus.CANDIDATE,
                RuleSetStatus.ACTIVE);
    }

    @Test
    void shouldActivateAChangedFolderWhenAutoActivationIsOn() throws Exception {
        write(2000);
        bootstrap().start();
        String first = active.current().version();
        write(3000);

        bootstrap().start();

        assertThat(active.current().version()).isNotEqualTo(first);
        assertThat(store.find(first)).get().extracting(r -> r.status()).isEqualTo(RuleSetStatus.RETIRED);
    }

    @Test
    void shouldKeepTheWorkingVersionWhenTheFolderBreaksLater() throws Exception {
        write(2000);
        bootstrap().start();
        String working = active.current().version();
        write("2OOO");

        bootstrap().start();

        assertThat(active.current().version()).isEqualTo(working);
        assertThat(store.list()).extracting(r -> r.status()).contains(RuleSetStatus.REJECTED, RuleSetStatus.ACTIVE);
    }
}
