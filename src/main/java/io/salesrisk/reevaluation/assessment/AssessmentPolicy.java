package io.salesrisk.reevaluation.assessment;

import java.math.BigDecimal;

/**
 * What the rules leave to configuration: how far a limit may rise without a risk officer, and the rounding.
 *
 * @param autoIncreasePercent increases above this % of the current limit are proposed, not applied
 * @param limitRounding       limits are rounded down to a multiple of this amount
 */
public record AssessmentPolicy(BigDecimal autoIncreasePercent, BigDecimal limitRounding) {
}
