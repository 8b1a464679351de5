package io.salesrisk.hold;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.ReleaseRequest;
import io.salesrisk.facts.ReleasedOrderChange;
import io.salesrisk.testsupport.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped release-authority and release-tolerance tables, each row at its boundary: one case the row allows,
 * one just past it. Run on the shipped rule set as the service compiles it.
 */
class ReleaseTablesTest {

    private static final CompiledRuleSet RULES = ShippedRules.get();

    @ParameterizedTest(name = "{0}: level {3}, {1} class {2}, {5} over, approvals {4} -> {6} by {7}")
    @CsvSource({
            "level 1 at its limit,        REVIEW, B, 1, 0, 50000.00,   ALLOW,           Level1UpTo50k",
            "level 1 just past,           REVIEW, B, 1, 0, 50000.01,   SECOND_APPROVAL, Level1Above50k",
            "level 1 confirming past,     REVIEW, B, 1, 1, 50000.01,   SECOND_APPROVAL, Level1Above50k",
            "blocked class E by level 1,  BLOCK,  E, 1, 0, 10.00,      REFUSE,          Level1BlockedClassE",
            "blocked class D by level 1,  BLOCK,  D, 1, 0, 10.00,      ALLOW,           Level1UpTo50k",
            "level 2 at its limit,        BLOCK,  E, 2, 0, 250000.00,  ALLOW,           Level2UpTo250k",
            "level 2 just past,           BLOCK,  C, 2, 0, 250000.01,  SECOND_APPROVAL, Level2Above250kFirst",
            "level 2 confirming past,     BLOCK,  C, 2, 1, 250000.01,  ALLOW,           Level2Above250kSecond",
            "level 2 confirming level 1,  REVIEW, C, 2, 1, 60000.00,   ALLOW,           Level2UpTo250k",
    })
    void authorityRowsAtTheirBoundaries(String name, Outcome outcome, String riskClass, int level, int approvals,
                                        BigDecimal overLimit, ReleaseRequest.Answer answer, String row) {
        ReleaseRequest request = new ReleaseRequest(outcome, overLimit.add(new BigDecimal("100000")), overLimit, riskClass,
                "SMB", level, approvals);
        RULES.run(List.of(request), request);
        assertThat(request.verdict()).as(name).isPresent();
        assertThat(request.verdict().get().answer()).as(name).isEqualTo(answer);
        assertThat(request.verdict().get().rule()).as(name).isEqualTo(row);
        assertThat(request.verdict().get().source()).contains("release-authority.xlsx");
    }

    @Test
    void anOfficerLevelWithoutARowGetsNoAnswer() {
        ReleaseRequest request = new ReleaseRequest(Outcome.REVIEW, new BigDecimal("1000"), BigDecimal.ZERO, "A", "SMB", 3, 0);
        RULES.run(List.of(request), request);
        assertThat(request.verdict()).isEmpty();
    }

    @ParameterizedTest(name = "class {0}: +{1} % after {2} days -> within {3}")
    @CsvSource({
            "A, 10.000, 30, true", "A, 10.001, 30, false", "A, 10.000, 31, false",
            "B, 0.000, 0, true", "B, -20.000, 30, true",
            "C, 5.000, 14, true", "C, 5.001, 14, false", "C, 5.000, 15, false",
            "D, 0.000, 7, true", "D, 0.001, 7, false", "D, 0.000, 8, false",
            "E, 0.000, 7, true", "E, 0.000, 8, false",
    })
    void toleranceRowsAtTheirBoundaries(String riskClass, BigDecimal growth, int days, boolean within) {
        ReleasedOrderChange change = new ReleasedOrderChange(riskClass, "SMB", new BigDecimal("100000.00"),
                new BigDecimal("100000.00").add(growth.multiply(new BigDecimal("1000"))), growth, days,
                LocalDate.of(2026, 12, 1), "risk2");
        RULES.run(List.of(change), change);
        assertThat(change.isWithinTolerance()).isEqualTo(within);
        if (within) {
            assertThat(change.getReason()).startsWith("released 2026-12-01 by risk2; amount ")
                    .contains("% within the ").endsWith("% tolerance");
        }
    }

    @Test
    void toleranceReasonNamesTheReleaseAndTheRow() {
        ReleasedOrderChange change = new ReleasedOrderChange("A", "SMB", new BigDecimal("100000.00"),
                new BigDecimal("106000.00"), new BigDecimal("6.000"), 3, LocalDate.of(2026, 12, 1), "risk2");
        RULES.run(List.of(change), change);
        assertThat(change.getReason()).isEqualTo("released 2026-12-01 by risk2; amount +6.0 % within the 10 % tolerance");
        assertThat(change.getKeptBy()).isEqualTo("ReleaseTolerance[A/B, any] (release-tolerance.xlsx, sheet Tolerance, row 10)");
    }
}
