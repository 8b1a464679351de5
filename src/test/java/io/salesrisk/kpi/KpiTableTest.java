package io.salesrisk.kpi;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.facts.KpiReading;
import io.salesrisk.kpi.service.Kpi;
import io.salesrisk.kpi.service.KpiTableCheck;
import io.salesrisk.testsupport.ShippedRules;
import io.salesrisk.testsupport.ShippedTables;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped KPI table (decision-tables/process-kpis.xlsx): bands at their boundaries, every KPI covered, and the
 * check that rejects an unknown KPI or a gap between bands at its sheet and cell.
 */
class KpiTableTest {

    private static final Path KPI_TABLE = Path.of("decision-tables/process-kpis.xlsx");
    private static final CompiledRuleSet RULES = ShippedRules.get();

    @ParameterizedTest(name = "{0} {1} = {2} -> {3} by {4}")
    @CsvSource({
            "DSO, PORTFOLIO, 59.999, OK, DsoOk", "DSO, SEGMENT, 60, WATCH, DsoWatch", "DSO, REGION, 90, ALERT, DsoAlert",
            "CEI, PORTFOLIO, 80, OK, CeiOk", "CEI, SEGMENT, 79.9, WATCH, CeiWatch", "CEI, PORTFOLIO, 64.9, ALERT, CeiAlert",
            "ADD, PORTFOLIO, 20, ALERT, AddAlert", "OVERDUE_SHARE, SEGMENT, 35, ALERT, OverdueAlert",
            "OVER_90_SHARE, PORTFOLIO, 4.99, OK, Over90Ok", "MEDIAN_HOURS_TO_DECISION, PORTFOLIO, 24, WATCH, DecisionTimeWatch",
            "OVERRIDE_SHARE, SEGMENT, 75, ALERT, OverrideAlert", "REHOLD_RATE, PORTFOLIO, 0, OK, ReholdOk",
            "UNSIGNED_CONTRACTS, PORTFOLIO, 1, WATCH, UnsignedWatch", "ATTAINMENT, REP, 74.99, ALERT, AttainmentAlert",
            "ATTAINMENT, SEGMENT, 90, OK, AttainmentOk", "SALES_DROP, REGION, -40, OK, SalesDropOk",
    })
    void bandsAtTheirBoundaries(String kpi, String scopeKind, BigDecimal value, KpiReading.Band band, String rule) {
        KpiReading reading = new KpiReading(kpi, scopeKind, "x", value, "90 days to 2026-12-03");
        RULES.run(List.of(reading), reading);
        assertThat(reading.getBand()).isEqualTo(band);
        assertThat(reading.getRule()).isEqualTo(rule);
        assertThat(reading.getRow()).startsWith("process-kpis.xlsx, sheet Kpis, row ");
        assertThat(reading.getMessage()).doesNotContain("{");
    }

    @Test
    void everyKpiHasABandForEveryValue() {
        for (Kpi kpi : Kpi.values()) {
            String scope = kpi == Kpi.ATTAINMENT ? "SEGMENT" : "PORTFOLIO";
            for (String value : List.of("-1000", "0", "10", "50", "99.5", "100000")) {
                KpiReading reading = new KpiReading(kpi.name(), scope, "x", new BigDecimal(value), "p");
                RULES.run(List.of(reading), reading);
                assertThat(reading.isBanded()).as(kpi + " " + value).isTrue();
            }
        }
    }

    @Test
    void theShippedTableCompilesWithoutWarningsAndPassesTheCheck() throws Exception {
        CompiledRuleSet table = compile(java.nio.file.Files.readAllBytes(KPI_TABLE));
        assertThat(table.rules()).hasSize(47);
        assertThat(table.warnings()).isEmpty();
        assertThat(new KpiTableCheck().check(RULES)).isEmpty();
    }

    @Test
    void anUnknownKpiIsAnErrorAtItsCell() throws Exception {
        List<CompileMessage> errors = new KpiTableCheck().check(compile(ShippedTables.withCell(KPI_TABLE, "Kpis", "C11", "DSO_TYPO")));

        // the renamed row also leaves a hole in the DSO bands, reported at its own cell
        assertThat(errors).extracting(CompileMessage::location).contains("process-kpis.xlsx, sheet Kpis, E12");
        assertThat(errors).filteredOn(e -> e.cell().equals("C11")).singleElement().satisfies(error -> {
            assertThat(error.level()).isEqualTo(CompileMessage.Level.ERROR);
            assertThat(error.message()).startsWith("unknown KPI 'DSO_TYPO'; the service measures DSO, BEST_DSO");
        });
    }

    @Test
    void aGapBetweenBandsIsAnErrorAtTheCellWhereTheNextBandStarts() throws Exception {
        // DsoWatch now ends below 80 while DsoAlert starts at 90: 80 to 90 gets no band
        List<CompileMessage> errors = new KpiTableCheck().check(compile(ShippedTables.withCell(KPI_TABLE, "Kpis", "F11", 80)));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.level()).isEqualTo(CompileMessage.Level.ERROR);
            assertThat(error.location()).isEqualTo("process-kpis.xlsx, sheet Kpis, E12");
            assertThat(error.message()).startsWith("gap: DSO for PORTFOLIO,REGION,SEGMENT, values from 80 below 90 match no row"
                    + " of RuleTable ProcessKpis (row 11 ends below 80, row 12 starts at 90)");
        });
    }

    @Test
    void aHandBuiltTableWithAGapAndAnUnknownScopeIsRejected() throws Exception {
        byte[] workbook = new WorkbookBuilder().sheet("Bands")
                .ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(5, "MyKpis")
                .column("NAME", "", "", "Rule")
                .condition("reading: KpiReading", "kpi == \"$param\"", "KPI")
                .condition("reading: KpiReading", "forall(||){scopeKind == \"$\"}", "Scope")
                .condition("reading: KpiReading", "value >= $param", "From")
                .condition("reading: KpiReading", "value < $param", "Below")
                .action("reading.band(KpiReading.Band.$param, \"{Note}\");", "Band")
                .column("DESCRIPTION", "", "", "Note")
                .header()
                .row("CeiLow", "CEI", "SEGMENT", 0, 30, "ALERT", "low")
                .row("CeiHigh", "CEI", "SEGMENT", 45, null, "OK", "fine")
                .row("Drop", "SALES_DROP", "COUNTRY", null, null, "OK", "any")
                .end().done().bytes();

        List<CompileMessage> errors = new KpiTableCheck().check(compile(workbook, "decision-tables/my-kpis.xlsx"));

        assertThat(errors).extracting(CompileMessage::location)
                .containsExactlyInAnyOrder("my-kpis.xlsx, sheet Bands, E11", "my-kpis.xlsx, sheet Bands, D12");
        assertThat(errors).extracting(CompileMessage::message).anySatisfy(m -> assertThat(m).contains("values from 30 below 45"))
                .anySatisfy(m -> assertThat(m).startsWith("unknown scope kind 'COUNTRY'"));
        assertThat(Arrays.stream(Kpi.values())).hasSize(16);
    }

    private static CompiledRuleSet compile(byte[] workbook) throws Exception {
        return compile(workbook, "decision-tables/process-kpis.xlsx");
    }

    private static CompiledRuleSet compile(byte[] workbook, String path) throws Exception {
        return new DroolsRuleEngine(10_000).compile(new RuleSources(List.of(new RuleFile(path, workbook))));
    }
}
