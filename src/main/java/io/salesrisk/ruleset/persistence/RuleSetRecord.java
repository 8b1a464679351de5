package io.salesrisk.ruleset.persistence;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.ruleset.scenario.ScenarioResult;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored rule-set version (its files are stored alongside).
 *
 * @param version         first 12 hex digits of the content hash; stamped on every decision
 * @param contentHash     SHA-256 over every file path and content
 * @param messages        compile errors and warnings, at file/line or sheet/cell
 * @param scenarioResults outcome of every business test scenario
 * @param approvedBy      the second risk officer who approved it (four-eyes), or null
 */
public record RuleSetRecord(String version, String contentHash, RuleSetStatus status, RuleSetOrigin origin, String author,
                            OffsetDateTime createdAt, int ruleCount, List<CompileMessage> messages,
                            List<ScenarioResult> scenarioResults, boolean scenariosPassed, String approvedBy,
                            OffsetDateTime approvedAt, OffsetDateTime activatedAt, String note) {

    public RuleSetRecord withStatus(RuleSetStatus newStatus) {
        return new RuleSetRecord(version, contentHash, newStatus, origin, author, createdAt, ruleCount, messages,
                scenarioResults, scenariosPassed, approvedBy, approvedAt, activatedAt, note);
    }

    public RuleSetRecord approved(String approver, OffsetDateTime at) {
        return new RuleSetRecord(version, contentHash, status, origin, author, createdAt, ruleCount, messages,
                scenarioResults, scenariosPassed, approver, at, activatedAt, note);
    }

    public RuleSetRecord activated(OffsetDateTime at) {
        return new RuleSetRecord(version, contentHash, RuleSetStatus.ACTIVE, origin, author, createdAt, ruleCount, messages,
                scenarioResults, scenariosPassed, approvedBy, approvedAt, at, note);
    }
}
