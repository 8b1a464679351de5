package io.salesrisk.engine;

import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules may not reach outside the rule engine; violations name the rule and the line or cell. */
class RulePolicyTest {

    private final RuleEngine engine = new DroolsRuleEngine(100);

    private static RuleSources drl(String body) {
        return new RuleSources(List.of(new RuleFile("rules/x.drl", ("""
                package io.salesrisk.rules;
                import io.salesrisk.facts.*;
                rule "Sneaky"
                when
                    check: OrderCheck()
                then
                """ + body + "\nend\n").getBytes(StandardCharsets.UTF_8))));
    }

    private List<CompileMessage> errors(RuleSources sources) {
        try {
            engine.compile(sources);
        } catch (RuleSetCompilationException e) {
            return e.messages().stream().filter(m -> m.level() == CompileMessage.Level.ERROR).toList();
        }
        throw new AssertionError("expected a policy violation");
    }

    @Test
    void shouldRefuseSystemExitNamingRuleAndLine() {
        assertThat(errors(drl("    System.exit(1);"))).anySatisfy(error -> {
            assertThat(error.location()).isEqualTo("x.drl, line 7");
            assertThat(error.message()).contains("rule Sneaky").contains("'System.'").contains("System (exit");
        });
    }

    @Test
    void shouldRefuseProcessesReflectionFilesNetworkThreadsAndClassLoading() {
        for (String call : List.of("Runtime.getRuntime();", "new ProcessBuilder(\"ls\");", "Class.forName(\"x\");",
                "check.getClass().getDeclaredMethods();", "new java.io.File(\"/etc/passwd\");",
                "java.nio.file.Files.readAllBytes(null);", "new java.net.Socket(\"h\", 1);", "new Thread(() -> {}).start();",
                "Thread.currentThread().getContextClassLoader();")) {
            assertThat(errors(drl("    " + call))).as(call).isNotEmpty();
        }
    }

    @Test
    void shouldRefuseImportsOutsideTheFactsAndValueTypes() {
        RuleSources sources = new RuleSources(List.of(new RuleFile("rules/y.drl", """
                package io.salesrisk.rules;
                import java.io.File;
                """.getBytes(StandardCharsets.UTF_8))));

        assertThat(errors(sources)).anySatisfy(error -> {
            assertThat(error.location()).isEqualTo("y.drl, line 2");
            assertThat(error.message()).contains("import of java.io.File is not allowed");
        });
    }

    @Test
    void shouldIgnoreTheWordsInMessagesAndComments() throws Exception {
        CompiledRuleSet rules = engine.compile(drl("    // no System.exit here\n    check.review(\"Runtime error in Thread File\");"));

        assertThat(rules.rules()).hasSize(1);
    }

    @Test
    void shouldRefuseADangerousTableActionNamingTheCell() {
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Evil").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(5, "Evil").condition("check: OrderCheck", "order.amount > $param", "Amount")
                .action("$param", "Action").header()
                .row(1, "check.review(\"fine\");").row(2, "System.exit(0);").end().done();
        RuleSources sources = new RuleSources(List.of(new RuleFile("decision-tables/evil.xlsx", workbook.bytes())));

        assertThatThrownBy(() -> engine.compile(sources))
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> assertThat(e.messages())
                        .anySatisfy(m -> {
                            assertThat(m.location()).isEqualTo("evil.xlsx, sheet Evil, C11");
                            assertThat(m.message()).contains("rule Evil[2..]").contains("System");
                        }));
    }
}
