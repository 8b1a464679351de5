package io.salesrisk.effectiveness.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.List;

/** The rule-effectiveness report: what counts as a bad outcome, and when a rule is flagged for review. */
@ConfigMapping(prefix = "salesrisk.effectiveness")
public interface EffectivenessConfig {

    /** Holding rules whose holds officers release (of those they released or rejected) more often than this % are flagged. */
    @WithDefault("50")
    BigDecimal maxOverridePercent();

    /** Signal rules and alert types whose lift over the base rate is below this are flagged. */
    @WithDefault("1.5")
    BigDecimal minLift();

    /** Whether rows of the versions active in the period that never fired in it are flagged. */
    @WithDefault("true")
    boolean flagNeverFired();

    /** An invoice more than this many days past due is a bad payment outcome. */
    @WithDefault("30")
    int overdueDays();

    /** Days after a release or a signal within which the bad payment outcome counts (and must have passed). */
    @WithDefault("90")
    int horizonDays();

    /** Longest period one report may cover, in days. */
    @WithDefault("400")
    int maxPeriodDays();
}
