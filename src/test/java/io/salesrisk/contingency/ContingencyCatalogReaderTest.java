package io.salesrisk.contingency;

import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.catalog.ContingencyCatalogReader;
import io.salesrisk.contingency.catalog.PlanAction;
import io.salesrisk.contingency.catalog.RiskLevel;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk register, matrix and plans as risk officers keep them, each read on its own, then checked together. */
class ContingencyCatalogReaderTest {

    private static final List<String> CLASSES = List.of("A", "B", "C", "D", "E");
    private static final String LEVELS = "LOW,LOW,MEDIUM,MEDIUM,HIGH";

    @Test
    void shouldReadRegisterMatrixAndPlansAndGiveEachRiskItsLevel() throws Exception {
        // when
        ContingencyCatalogReader.Result result = read(sheet -> { }, List.of());

        // then
        assertThat(result.errors()).isEmpty();
        ContingencyCatalog catalog = result.catalog();
        ContingencyCatalog.RegisteredRisk risk = catalog.risk("CREDIT_DETERIORATION").orElseThrow();
        assertThat(risk.likelihood()).isEqualTo(4);
        assertThat(risk.impact()).isEqualTo(5);
        assertThat(risk.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(risk.planCode()).isEqualTo("TIGHTEN");
        assertThat(risk.source()).isEqualTo("triggers.xlsx, sheet Register, row 3");
        ContingencyCatalog.Plan plan = catalog.plan("TIGHTEN").orElseThrow();
        assertThat(plan.actions()).extracting(PlanAction::type)
                .containsExactly(PlanAction.Type.CUT_LIMIT, PlanAction.Type.REQUIRE_PREPAYMENT, PlanAction.Type.NOTIFY);
        assertThat(plan.actions().get(0).percent()).isEqualByComparingTo(new BigDecimal("20"));
        assertThat(plan.actions().get(0).riskClasses()).containsExactly("C", "D");
        assertThat(plan.actions().get(2).owners()).containsExactly("cfo", "head-of-credit");
        assertThat(catalog.level(1, 1)).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void shouldReportEveryBrokenCellOfTheRegisterAndThePlans() throws Exception {
        // when: likelihood 7, a plan action nobody knows, a class outside the configured list, a cut of 120 %
        ContingencyCatalogReader.Result result = read(sheet -> sheet.cell("D3", 7).cell("C14", "PRAY")
                .cell("D13", "C, Z").cell("E12", 120), List.of());

        // then
        assertThat(result.catalog()).isNull();
        assertThat(result.errors()).extracting(CompileMessage::location).contains("triggers.xlsx, sheet Register, D3",
                "triggers.xlsx, sheet Register, C14", "triggers.xlsx, sheet Register, D13", "triggers.xlsx, sheet Register, E12");
        assertThat(result.errors()).extracting(CompileMessage::message)
                .anySatisfy(m -> assertThat(m).contains("likelihood must be a whole number from 1 to 5, not '7'"))
                .anySatisfy(m -> assertThat(m).contains("must be CUT_LIMIT, REQUIRE_PREPAYMENT or NOTIFY"))
                .anySatisfy(m -> assertThat(m).contains("risk class 'Z' must be one of A, B, C, D, E"))
                .anySatisfy(m -> assertThat(m).contains("at most 100, not 120"));
    }

    @Test
    void shouldTakeTheRiskClassesFromConfiguration() throws Exception {
        // when: the service is configured with classes 1 to 3
        ContingencyCatalogReader.Result result = ContingencyCatalogReader.read(List.of(workbook(sheet -> { })), List.of(),
                List.of("1", "2", "3"));

        // then: C and D are not classes there
        assertThat(result.errors()).extracting(CompileMessage::message)
                .anySatisfy(m -> assertThat(m).contains("risk class 'C' must be one of 1, 2, 3"));
    }

    @Test
    void shouldRefuseAPlanThatIsNotListedAndARaisedRiskThatIsNotRegistered() throws Exception {
        // given: the register names a plan no row defines; a DRL trigger raises an unknown risk type
        RuleFile drl = new RuleFile("rules/triggers.drl", """
                package io.salesrisk.rules;
                rule "Unknown"
                when
                    portfolio: PortfolioFigures(overdueRatioPercent > 50)
                then
                    portfolio.raise("METEOR_STRIKE", "boom");
                end
                """.getBytes(StandardCharsets.UTF_8));

        // when
        ContingencyCatalogReader.Result result = read(sheet -> sheet.cell("G3", "NO_SUCH_PLAN"), List.of(drl));

        // then
        assertThat(result.errors()).extracting(CompileMessage::toString)
                .anySatisfy(m -> assertThat(m).isEqualTo("triggers.xlsx, sheet Register, G3: plan 'NO_SUCH_PLAN' is not in the "
                        + "ContingencyPlans sheet"))
                .anySatisfy(m -> assertThat(m).startsWith("triggers.drl, line 6: risk type 'METEOR_STRIKE' is not in the risk register"));
    }

    @Test
    void shouldRequireAMatrixForTheRegister() throws Exception {
        // when: the matrix keyword is gone
        ContingencyCatalogReader.Result result = read(sheet -> sheet.cell("I1", "Notes"), List.of());

        // then
        assertThat(result.errors()).extracting(CompileMessage::toString)
                .containsExactly("triggers.xlsx, sheet Register, B1: the risk register needs a RiskMatrix (likelihood x impact) "
                        + "to give each risk its level");
    }

    private static ContingencyCatalogReader.Result read(Consumer<WorkbookBuilder.SheetBuilder> edits, List<RuleFile> drls)
            throws Exception {
        return ContingencyCatalogReader.read(List.of(workbook(edits)), drls, CLASSES);
    }

    /** A register of one risk (B1:G3), a 5x5 matrix beside it (I1:N7) and a plan of three actions (B10:G14). */
    private static DecisionTableWorkbook workbook(Consumer<WorkbookBuilder.SheetBuilder> edits) throws Exception {
        WorkbookBuilder workbook = new WorkbookBuilder();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("Register");
        sheet.cell("B1", "RiskRegister");
        row(sheet, 2, "Risk type", "Description", "Likelihood", "Impact", "Owner", "Plan");
        row(sheet, 3, "CREDIT_DETERIORATION", "weak classes grow", 4, 5, "head-of-credit", "TIGHTEN");
        sheet.cell("I1", "RiskMatrix");
        rowAt(sheet, 2, 8, "likelihood \\ impact", 1, 2, 3, 4, 5);
        for (int likelihood = 1; likelihood <= 5; likelihood++) {
            String[] levels = likelihood == 5 ? "MEDIUM,HIGH,HIGH,CRITICAL,CRITICAL".split(",")
                    : likelihood == 4 ? "LOW,MEDIUM,HIGH,CRITICAL,CRITICAL".split(",") : LEVELS.split(",");
            rowAt(sheet, 2 + likelihood, 8, likelihood, levels[0], levels[1], levels[2], levels[3], levels[4]);
        }
        sheet.cell("B10", "ContingencyPlans");
        row(sheet, 11, "Plan", "Action", "Risk classes", "Percent", "Notify", "Description");
        row(sheet, 12, "TIGHTEN", "CUT_LIMIT", "C, D", 20, null, "cut the limits of weak classes");
        row(sheet, 13, "TIGHTEN", "REQUIRE_PREPAYMENT", "E", null, null, null);
        row(sheet, 14, "TIGHTEN", "NOTIFY", null, null, "cfo, head-of-credit", null);
        edits.accept(sheet);
        sheet.done();
        return DecisionTableWorkbook.read("triggers.xlsx", workbook.bytes());
    }

    private static void row(WorkbookBuilder.SheetBuilder sheet, int row, Object... values) {
        rowAt(sheet, row, 1, values);
    }

    private static void rowAt(WorkbookBuilder.SheetBuilder sheet, int row, int firstColumn, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                sheet.cell(String.valueOf((char) ('A' + firstColumn + i)) + row, values[i]);
            }
        }
    }
}
