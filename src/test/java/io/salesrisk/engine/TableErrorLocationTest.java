package io.salesrisk.engine;

import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.testsupport.OrderScenario;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broken cell of every kind a workbook has (RuleSet properties, the header rows of a table, each column kind's
 * data cells) is reported at that cell, with the file and sheet, and in words an author can act on.
 */
class TableErrorLocationTest {

    private static final String CHECK = "check: OrderCheck";
    private final RuleEngine engine = new DroolsRuleEngine(1000);

    /**
     * RuleSet in B1, Import C2, Functions C3, Variables C4; the table starts at B6: kinds row 7, object types row
     * 8, snippets row 9, labels row 10, data from row 11. Columns: B name, C risk class, D amount, E reaction,
     * F priority, G no-loop, H date-effective, I metadata, J a bare text field, K a bare number field.
     */
    private static byte[] workbook(Consumer<WorkbookBuilder.SheetBuilder> edits) {
        WorkbookBuilder workbook = new WorkbookBuilder();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("Limits").ruleSet("io.salesrisk.rules", "java.math.BigDecimal", null);
        sheet.cell("B3", "Functions").cell("C3", "function boolean large(java.math.BigDecimal amount) { return amount.signum() > 0; }");
        sheet.cell("B4", "Variables").cell("C4", "java.math.BigDecimal floor");
        sheet.table(6, "Limits")
                .column("NAME", "", "", "Rule")
                .condition(CHECK, "customer.riskClass == \"$param\"", "Risk class")
                .condition(CHECK, "order.amount > $param", "Max order value")
                .action("check.react(Outcome.$param, \"order {order.amount} above {Max order value}\")", "Reaction")
                .column("PRIORITY", "", "", "Priority")
                .column("NO-LOOP", "", "", "No loop")
                .column("DATE-EFFECTIVE", "", "", "From")
                .column("METADATA", "", "category(\"$param\")", "Category")
                .condition("OrderCheck", "customer.industry", "Industry")
                .condition("OrderCheck", "customer.yearsInBusiness", "Years in business")
                .header()
                .row("Big A", "A", 500000, "REVIEW", 10, "false", "2026-01-01", "limits", "Manufacturing", 20)
                .row("Big B", "B", 250000, "BLOCK", 5, "true", "2026-01-01", "limits", null, null)
                .end();
        edits.accept(sheet);
        sheet.done();
        return workbook.bytes();
    }

    private List<CompileMessage> errorsOf(byte[] workbook) {
        return errorsOf("limits.xlsx", workbook);
    }

    private List<CompileMessage> errorsOf(String name, byte[] workbook) {
        try {
            engine.compile(new RuleSources(List.of(new RuleFile("decision-tables/" + name, workbook))));
        } catch (RuleSetCompilationException e) {
            return e.messages().stream().filter(m -> m.level() == CompileMessage.Level.ERROR).toList();
        }
        throw new AssertionError("expected the table not to compile");
    }

    @Test
    void shouldCompileTheWorkbookUnbroken() throws Exception {
        CompiledRuleSet rules = engine.compile(new RuleSources(List.of(new RuleFile("decision-tables/limits.xlsx",
                workbook(sheet -> { })))));

        assertThat(rules.rules()).extracting(RuleDescriptor::name).containsExactly("Big A", "Big B");
        // the bare text and number fields compare with equals: the clean order is a Manufacturing customer of 20 years
        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().given("class=A amount=500001").facts())
                .run().firedRules()).containsExactly("Big A");
    }

    static Stream<Arguments> brokenCells() {
        return Stream.of(
                Arguments.of("an import of a class that does not exist", "C2", "java.math.BigDecimalz", "C2", "BigDecimalz"),
                Arguments.of("a function that does not compile", "C3", "function boolean large(java.math.BigDecimal a) { return a.nope(); }", "C3", "nope"),
                Arguments.of("a global of an unknown type", "C4", "Nonsense floor", "C4", "Nonsense"),
                Arguments.of("a column kind nobody knows", "D7", "WHEN", "D7", "'WHEN' is not a column type"),
                Arguments.of("a pattern of an unknown fact type", "C8", "check: OrderChek", "C8", "OrderChek"),
                Arguments.of("a snippet with a misspelt field", "D9", "order.amout > $param", "D9", "order.amout"),
                Arguments.of("a rule name used twice", "B12", "Big A", "B12", "used twice"),
                Arguments.of("a condition value that is not a number", "D11", "25O000", "D11", "25O000"),
                Arguments.of("a mistyped reaction", "E12", "REVEIW", "E12", "allowed: APPROVE, REVIEW, BLOCK"),
                Arguments.of("a priority that is not a number", "F11", "high", "F11", "whole number"),
                Arguments.of("a no-loop that is not true or false", "G11", "maybe", "G11", "true or false"),
                Arguments.of("a date that is not a date", "H11", "someday", "H11", "2026-01-31"),
                Arguments.of("an impossible date", "H12", "2026-02-30", "H12", "no such date"),
                Arguments.of("a metadata snippet that does not close", "I9", "category(\"$param\"", "I9", "has a '(' that is never closed"),
                Arguments.of("a condition cell that does not close", "D11", "5 || (order.amount > 1", "D11", "has a '(' that is never closed"),
                Arguments.of("a number field compared with text", "K11", "twenty", "K11", "is not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCells")
    void shouldReportEachBrokenCellAtThatCell(String what, String cell, Object value, String expectedCell, String says) {
        List<CompileMessage> errors = errorsOf(workbook(sheet -> sheet.cell(cell, value)));

        assertThat(errors).as(what).isNotEmpty().allSatisfy(error -> {
            assertThat(error.file()).isEqualTo("limits.xlsx");
            assertThat(error.sheet()).isEqualTo("Limits");
            assertThat(error.cell()).isNotNull();
        });
        assertThat(errors).as(what).anySatisfy(error -> {
            assertThat(error.location()).isEqualTo("limits.xlsx, sheet Limits, " + expectedCell);
            assertThat(error.message()).contains(says);
        });
    }

    @Test
    void shouldQuoteABareTextFieldAndQualifyABareEnumField() throws Exception {
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Bare").ruleSet("io.salesrisk.rules", null, null)
                .table(3, "Bare")
                .condition(CHECK, "customer.industry", "Industry")
                .condition(CHECK, "order.contractSigned", "Contract signed")
                .condition(CHECK, "decision.outcome", "Outcome so far")
                .action("check.review(\"matched\")", "Review")
                .header()
                .row("Manufacturing", Boolean.TRUE, "APPROVE", "x")
                .row("Retail", "false", "APPROVE", "x")
                .end().done();

        CompiledRuleSet rules = engine.compile(new RuleSources(List.of(new RuleFile("decision-tables/bare.xlsx",
                workbook.bytes()))));

        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().facts()).run().firedRules()).hasSize(1)
                .allSatisfy(rule -> assertThat(rules.rules().stream().filter(r -> r.name().equals(rule)).findFirst()
                        .orElseThrow().ref().row()).isEqualTo(8));
    }

    @Test
    void shouldListTheValuesABareEnumFieldCanTake() {
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Bare").ruleSet("io.salesrisk.rules", null, null)
                .table(3, "Bare")
                .condition(CHECK, "decision.outcome", "Outcome so far")
                .condition(CHECK, "order.contractSigned", "Contract signed")
                .action("check.review(\"matched\")", "Review")
                .header()
                .row("APPROVED", "yes", "x")
                .end().done();

        assertThat(errorsOf("bare.xlsx", workbook.bytes())).extracting(CompileMessage::toString).containsExactlyInAnyOrder(
                "bare.xlsx, sheet Bare, B8: 'APPROVED' is not a value field decision.outcome can take (Outcome); "
                        + "allowed: APPROVE, REVIEW, BLOCK",
                "bare.xlsx, sheet Bare, C8: 'yes' is not a value of field order.contractSigned, which is true or false");
    }
}
