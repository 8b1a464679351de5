package io.salesrisk.engine;

import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Band tables are checked for gaps and overlaps; findings are warnings at the row's first cell. */
class BandTableAnalysisTest {

    private final RuleEngine engine = new DroolsRuleEngine(100);

    private List<CompileMessage> warnings(Object[]... rows) throws Exception {
        WorkbookBuilder workbook = new WorkbookBuilder();
        WorkbookBuilder.TableBuilder table = workbook.sheet("Score").ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", null)
                .table(5, "ScoreBand")
                .condition("check: OrderCheck", "customer.segment == \"$param\"", "Segment")
                .condition("check: OrderCheck", "payment.onTimePercent >= $param", "From")
                .condition("check: OrderCheck", "payment.onTimePercent <= $param", "To")
                .action("check.info(\"band $param\");", "Band")
                .header();
        for (Object[] row : rows) {
            table.row(row);
        }
        table.end().done();
        return engine.compile(new RuleSources(List.of(new RuleFile("decision-tables/score.xlsx", workbook.bytes()))))
                .warnings();
    }

    @Test
    void shouldReportAGapBetweenBandsWithTheMissingValue() throws Exception {
        List<CompileMessage> warnings = warnings(new Object[]{"SMB", 0, 39, "low"}, new Object[]{"SMB", 41, 59, "mid"},
                new Object[]{"SMB", 60, 100, "high"});

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo("score.xlsx, sheet Score, B11");
            assertThat(w.message()).startsWith("gap: payment.onTimePercent 40 matches no row of RuleTable ScoreBand")
                    .contains("row 10 covers from 0 up to 39, row 11 covers from 41 up to 59");
        });
    }

    @Test
    void shouldReportRowsThatMatchTheSameInputs() throws Exception {
        List<CompileMessage> warnings = warnings(new Object[]{"SMB", 0, 50, "low"}, new Object[]{"SMB", 40, 100, "high"});

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo("score.xlsx, sheet Score, B11");
            assertThat(w.message()).contains("overlap: rows 10 and 11").contains("segment SMB")
                    .contains("payment.onTimePercent from 40 up to 50");
        });
    }

    @Test
    void shouldAcceptContiguousBandsAndSeparateKeys() throws Exception {
        List<CompileMessage> warnings = warnings(new Object[]{"SMB", 0, 39, "low"}, new Object[]{"SMB", 40, 100, "high"},
                new Object[]{"PUBLIC", 0, 100, "all"});

        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldTreatAnEmptyKeyAsAnyAndFindTheOverlap() throws Exception {
        List<CompileMessage> warnings = warnings(new Object[]{"SMB", 0, 100, "smb"}, new Object[]{null, 90, 100, "anyone"});

        assertThat(warnings).anySatisfy(w -> assertThat(w.message()).contains("overlap: rows 10 and 11"));
    }
}
