package io.salesrisk.reevaluation.staged;

import io.salesrisk.reevaluation.run.RunStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staged results read back exactly, and nothing but staged results read at all. */
class StagedChunkTest {

    @Test
    void shouldReadBackTheSameResultsWithTheirExactValues() {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("profile.overdueAmount", new BigDecimal("1200.50"));
        values.put("Days from", "30");
        StagedResult failed = StagedResult.failed("C-2", "no risk class row matches score 3");
        StagedResult found = new StagedResult("C-1", null, new StagedResult.Previous("SMB", new BigDecimal("10.00"),
                BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.TEN, null, "B", new BigDecimal("5000.00"), 30, false),
                42, List.of(), "C", new BigDecimal("4000.00"), new BigDecimal("4000.00"), null, 30, true, List.of(),
                List.of(new StagedResult.Signal("PAYMENT_DELAY", io.salesrisk.facts.Severity.HIGH,
                        new StagedResult.Finding("PAYMENT_DELAY", "Late_3", "payment.xlsx, row 3", "late", values))),
                List.of());
        List<StagedResult> back = StagedChunk.decode(StagedChunk.encode(List.of(found, failed)));
        assertThat(back).containsExactly(found, failed);
        assertThat(back.get(0).toAssessment().signals().get(0).finding().values()).containsExactlyEntriesOf(values);
        assertThat(((BigDecimal) back.get(0).signals().get(0).finding().values().get("profile.overdueAmount")).scale()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnythingButStagedResults() {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("status", RunStatus.RUNNING); // not a facts type: written with Java serialization, refused on reading
        StagedResult odd = new StagedResult("C-1", null, new StagedResult.Previous("SMB", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 1, "B", BigDecimal.ONE, 30, false), 1, List.of(), "B",
                BigDecimal.ONE, BigDecimal.ONE, null, 30, false, List.of(), List.of(), List.of(new StagedResult.Risk("X",
                new StagedResult.Finding("X", "R", "s", "m", values))));
        byte[] encoded = StagedChunk.encode(List.of(odd));
        assertThatThrownBy(() -> StagedChunk.decode(encoded)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hold a type they may not");
        assertThatThrownBy(() -> StagedChunk.decode(new byte[]{0, 0, 0, 9, 0, 0, 0, 0})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format 9");
    }
}
