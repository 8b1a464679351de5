package io.salesrisk.engine;

import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.testsupport.OrderScenario;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Errors and warnings from decision tables point at the sheet and cell the author typed. */
class DecisionTableValidationTest {

    private static final String CHECK = "check: OrderCheck";
    private final RuleEngine engine = new DroolsRuleEngine(1000);

    /** A one-table workbook like the shipped OrderValue sheet; the rows start at spreadsheet row 7. */
    private static byte[] orderValueTable(String classTemplate, String amountTemplate, String actionTemplate,
                                          Consumer<WorkbookBuilder.SheetBuilder> edits, Object[]... rows) {
        WorkbookBuilder workbook = new WorkbookBuilder();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("OrderValue").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null);
        WorkbookBuilder.TableBuilder table = sheet.table(2, "MaxOrderValue")
                .condition(CHECK, classTemplate, "Risk class")
                .condition(CHECK, amountTemplate, "Max order value")
                .action(actionTemplate, "Reaction")
                .header();
        for (Object[] row : rows) {
            table.row(row);
        }
        edits.accept(sheet);
        sheet.done();
        return workbook.bytes();
    }

    private static byte[] validTable(Consumer<WorkbookBuilder.SheetBuilder> edits) {
        return orderValueTable("customer.riskClass == \"$param\"", "order.amount > $param",
                "check.react(Outcome.$param, \"order {order.amount} above {Max order value}\")", edits,
                new Object[]{"A", 500000, "REVIEW"}, new Object[]{"B", 250000, "REVIEW"}, new Object[]{"C", 100000, "BLOCK"});
    }

    private static RuleSources sources(byte[] workbook) {
        return new RuleSources(List.of(new RuleFile("decision-tables/limits.xlsx", workbook)));
    }

    private List<CompileMessage> errorsOf(byte[] workbook) {
        try {
            engine.compile(sources(workbook));
        } catch (RuleSetCompilationException e) {
            return e.messages().stream().filter(m -> m.level() == CompileMessage.Level.ERROR).toList();
        }
        throw new AssertionError("expected the table not to compile");
    }

    @Test
    void shouldCompileAValidTableAndNameRulesAfterTheirKeys() throws Exception {
        CompiledRuleSet rules = engine.compile(sources(validTable(sheet -> { })));

        assertThat(rules.rules()).extracting(RuleDescriptor::name)
                .containsExactly("MaxOrderValue[A]", "MaxOrderValue[B]", "MaxOrderValue[C]");
        assertThat(rules.rules().get(1).ref().source()).isEqualTo("limits.xlsx, sheet OrderValue, row 8");
        assertThat(rules.warnings()).isEmpty();
    }

    @Test
    void shouldReportABadValueAtItsCell() {
        byte[] workbook = validTable(sheet -> sheet.cell("C8", "25O000"));

        assertThat(errorsOf(workbook)).singleElement().satisfies(error -> {
            assertThat(error.location()).isEqualTo("limits.xlsx, sheet OrderValue, C8");
            assertThat(error.message()).contains("25O000");
        });
    }

    @Test
    void shouldReportAnUnknownReactionAtItsCell() {
        byte[] workbook = validTable(sheet -> sheet.cell("D9", "BLCK"));

        assertThat(errorsOf(workbook)).singleElement().satisfies(error -> {
            assertThat(error.location()).isEqualTo("limits.xlsx, sheet OrderValue, D9");
            assertThat(error.message()).contains("BLCK");
        });
    }

    @Test
    void shouldReportASnippetThatFailsOnEveryRowOnceAtTheSnippetCell() {
        byte[] workbook = orderValueTable("customer.riskClass == \"$param\"", "order.amout > $param",
                "check.react(Outcome.$param, \"x\")", sheet -> { },
                new Object[]{"A", 500000, "REVIEW"}, new Object[]{"B", 250000, "REVIEW"});

        assertThat(errorsOf(workbook)).singleElement().satisfies(error -> {
            assertThat(error.location()).isEqualTo("limits.xlsx, sheet OrderValue, C5");
            assertThat(error.message()).contains("order.amout").contains("fails on every row");
        });
    }

    @Test
    void shouldReportAnUnknownColumnTypeAtItsHeaderCell() {
        byte[] workbook = validTable(sheet -> sheet.cell("C3", "WHEN"));

        assertThat(errorsOf(workbook)).anySatisfy(error -> {
            assertThat(error.location()).isEqualTo("limits.xlsx, sheet OrderValue, C3");
            assertThat(error.message()).contains("'WHEN' is not a column type");
        });
    }

    @Test
    void shouldWarnWhenACustomHeaderIsReadByItsFirstLetter() throws Exception {
        byte[] workbook = validTable(sheet -> sheet.cell("C3", "Condition on amount"));

        CompiledRuleSet rules = engine.compile(sources(workbook));

        assertThat(rules.warnings()).anySatisfy(warning -> {
            assertThat(warning.location()).isEqualTo("limits.xlsx, sheet OrderValue, C3");
            assertThat(warning.message()).contains("is read as CONDITION");
        });
    }

    @Test
    void shouldRequireARuleSetCell() {
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Only").table(2, "T").condition(CHECK, "order.amount > $param", "Amount")
                .action("check.review(\"x\")", "Review").header().row(1, "x").end().done();

        assertThat(errorsOf(workbook.bytes())).anySatisfy(error -> assertThat(error.message()).contains("no RuleSet cell"));
    }

    @Test
    void shouldNameAFileThatIsNotAWorkbook() {
        RuleSources sources = new RuleSources(List.of(new RuleFile("decision-tables/broken.xlsx",
                "not really excel".getBytes(StandardCharsets.UTF_8))));

        assertThatThrownBy(() -> engine.compile(sources))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("broken.xlsx")
                .hasMessageContaining("not a readable Excel workbook");
    }

    @Test
    void shouldSayWhatWasRefusedForAWorkbookThatInflatesLikeAZipBomb() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[20 * 1024 * 1024]);
            zip.closeEntry();
        }
        RuleSources sources = new RuleSources(List.of(new RuleFile("decision-tables/bomb.xlsx", bytes.toByteArray())));

        assertThatThrownBy(() -> engine.compile(sources))
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> assertThat(e.messages()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.file()).isEqualTo("bomb.xlsx");
                            assertThat(error.message()).startsWith("refused: the workbook expands to far more data than its size, as a zip bomb does")
                                    .contains("100 times").doesNotContainIgnoringCase("bugzilla")
                                    .doesNotContain("ZipSecureFile").doesNotContain("Exception");
                        }));
    }

    @Test
    void shouldStraightenTypographicQuotesWithAWarning() throws Exception {
        byte[] workbook = orderValueTable("customer.riskClass == \u201C$param\u201D", "order.amount > $param",
                "check.react(Outcome.$param, \u201Corder above limit\u201D)", sheet -> { },
                new Object[]{"A", 500000, "REVIEW"});

        CompiledRuleSet rules = engine.compile(sources(workbook));

        assertThat(rules.rules()).hasSize(1);
        assertThat(rules.warnings()).anySatisfy(warning -> {
            assertThat(warning.location()).isEqualTo("limits.xlsx, sheet OrderValue, B5");
            assertThat(warning.message()).contains("typographic quotes");
        });
    }

    @Test
    void shouldReadNumbersStoredAsTextWithAWarning() throws Exception {
        byte[] workbook = validTable(sheet -> sheet.cell("C7", "500,000"));

        CompiledRuleSet rules = engine.compile(sources(workbook));

        assertThat(rules.warnings()).anySatisfy(warning -> {
            assertThat(warning.location()).isEqualTo("limits.xlsx, sheet OrderValue, C7");
            assertThat(warning.message()).contains("number stored as text '500,000' is read as 500000");
        });
        var fired = OrderEvaluator.evaluate(rules, new OrderScenario().given("class=A amount=500000.01").facts());
        assertThat(fired.run().firedRules()).containsExactly("MaxOrderValue[A]");
    }

    @Test
    void shouldReadPercentCellsAsPercentagePoints() throws Exception {
        byte[] workbook = orderValueTable("customer.riskClass == \"$param\"", "order.discountPercent > $param",
                "check.react(Outcome.$param, \"discount\")", sheet -> sheet.percentCell("C7", 0.15),
                new Object[]{"A", null, "REVIEW"});

        CompiledRuleSet rules = engine.compile(sources(workbook));

        assertThat(rules.warnings()).anySatisfy(warning -> assertThat(warning.message()).contains("read as 15"));
        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().given("discount=15.5").facts()).run().firedRules())
                .containsExactly("MaxOrderValue[A]");
        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().given("discount=15").facts()).run().firedRules())
                .isEmpty();
    }

    @Test
    void shouldCompareDecimalThresholdsExactlyNotAsDoubles() throws Exception {
        // Drools reads 4242.42 as a double (4242.4200000000000727...): an order of exactly 4242.42 would not be >= it
        byte[] workbook = orderValueTable("customer.riskClass == \"$param\"", "order.amount >= $param",
                "check.react(Outcome.$param, \"at or above\")", sheet -> { }, new Object[]{"A", 4242.42, "REVIEW"});

        CompiledRuleSet rules = engine.compile(sources(workbook));

        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().given("class=A amount=4242.42").facts())
                .run().firedRules()).containsExactly("MaxOrderValue[A]");
        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().given("class=A amount=4242.41").facts())
                .run().firedRules()).isEmpty();
    }

    @Test
    void shouldTrimStraySpacesSoKeysStillMatch() throws Exception {
        byte[] workbook = validTable(sheet -> sheet.cell("B8", "B\u00A0 "));

        CompiledRuleSet rules = engine.compile(sources(workbook));

        assertThat(rules.warnings()).anySatisfy(warning -> {
            assertThat(warning.location()).isEqualTo("limits.xlsx, sheet OrderValue, B8");
            assertThat(warning.message()).contains("stray spaces");
        });
        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().given("class=B amount=250000.01").facts())
                .run().firedRules()).containsExactly("MaxOrderValue[B]");
    }

    @Test
    void shouldApplyOneRowToSeveralKeysWithForall() throws Exception {
        byte[] workbook = orderValueTable("forall(||){customer.riskClass == \"$\"}", "order.amount > $param",
                "check.react(Outcome.$param, \"x\")", sheet -> { }, new Object[]{"D, E", 1000, "REVIEW"});

        CompiledRuleSet rules = engine.compile(sources(workbook));

        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().given("class=E amount=1000.01").facts())
                .run().firedRules()).containsExactly("MaxOrderValue[D/E]");
        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().given("class=C amount=1000.01").facts())
                .run().firedRules()).isEmpty();
    }

    @Test
    void shouldLeaveOutConditionsWhoseCellIsEmpty() throws Exception {
        byte[] workbook = validTable(sheet -> sheet.cell("B7", null));
        WorkbookBuilder anyClass = new WorkbookBuilder();
        anyClass.sheet("OrderValue").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(2, "AnyClass").condition(CHECK, "customer.riskClass == \"$param\"", "Risk class")
                .condition(CHECK, "order.amount > $param", "Max order value")
                .action("check.review(\"big order\")", "Review").header().row(null, 1000, "x").end().done();

        CompiledRuleSet rules = engine.compile(sources(anyClass.bytes()));

        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().given("class=D amount=1000.01").facts())
                .run().firedRules()).containsExactly("AnyClass[any]");
        assertThat(workbook).isNotEmpty();
    }
}
