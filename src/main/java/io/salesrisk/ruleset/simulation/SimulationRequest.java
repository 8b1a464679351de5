package io.salesrisk.ruleset.simulation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/rulesets/{version}/simulate}: replay the decisions taken between two days (inclusive).
 *
 * @param limit how many changed decisions to list in full (all are counted)
 */
public record SimulationRequest(@NotNull LocalDate from, @NotNull LocalDate to, @Min(0) @Max(10_000) Integer limit) {
}
