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

    @Test
    void shouldRefuseLoopsThatMightNeverEndNamingRuleAndLine() {
        for (String loop : List.of("int i = 0; while (i >= 0) { i = (i + 1) % 1000; }", "for (;;) { }",
                "int i = 0; do { i++; } while (i > 0);", "java.util.stream.Stream.iterate(1, x -> x + 1).count();")) {
            assertThat(errors(drl("    " + loop))).as(loop).anySatisfy(error -> {
                assertThat(error.location()).isEqualTo("x.drl, line 7");
                assertThat(error.message()).contains("rule Sneaky").contains("loops");
            });
        }
    }

    @Test
    void shouldRefuseFunctionsThatCallThemselvesDirectlyOrInACircle() {
        RuleSources sources = new RuleSources(List.of(new RuleFile("rules/r.drl", """
                package io.salesrisk.rules;
                import io.salesrisk.facts.*;
                function int countdown(int n) { return n <= 0 ? 0 : countdown(n - 1); }
                function int ping(int n) { return pong(n + 1); }
                function int pong(int n) { return ping(n); }
                function int fine(int n) { return n * 2; }
                rule "UsesThem"
                when
                    check: OrderCheck()
                then
                    check.info("" + countdown(fine(3)) + ping(1));
                end
                """.getBytes(StandardCharsets.UTF_8))));

        assertThat(errors(sources)).extracting(CompileMessage::toString).containsExactlyInAnyOrder(
                "r.drl, line 3: function countdown calls itself (countdown \u2192 countdown): recursion is not allowed, "
                        + "a rule must finish in bounded time",
                "r.drl, line 4: function ping calls itself (ping \u2192 pong \u2192 ping): recursion is not allowed, "
                        + "a rule must finish in bounded time",
                "r.drl, line 5: function pong calls itself (pong \u2192 ping \u2192 pong): recursion is not allowed, "
                        + "a rule must finish in bounded time");
    }

    @Test
    void shouldRefuseALoopInATableActionCellNamingTheCell() {
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Loops").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(5, "Spin").condition("check: OrderCheck", "order.amount > $param", "Amount")
                .action("$param", "Action").header()
                .row(1, "check.review(\"fine\");").row(2, "while (true) { }").end().done();
        RuleSources sources = new RuleSources(List.of(new RuleFile("decision-tables/loops.xlsx", workbook.bytes())));

        assertThat(errors(sources)).anySatisfy(m -> {
            assertThat(m.location()).isEqualTo("loops.xlsx, sheet Loops, C11");
            assertThat(m.message()).contains("rule Spin[2..]").contains("loops");
        });
    }

    @Test
    void shouldAllowTheWordsForAndWhileInMessagesAndForallInTables() throws Exception {
        CompiledRuleSet rules = engine.compile(drl("    check.review(\"waits for approval while the limit is exceeded\");"));

        assertThat(rules.rules()).hasSize(1);
    }
}
