package io.salesrisk.drill.service;

import java.math.BigDecimal;

/**
 * A drill as asked for: the scenario's name and its fields; {@code rulesetVersion} to drill a candidate version
 * instead of the active one.
 */
public record DrillRequest(String scenario, String customerId, String segment, String region, String industry,
                           BigDecimal percent, BigDecimal sharePercent, String rulesetVersion) {
}
