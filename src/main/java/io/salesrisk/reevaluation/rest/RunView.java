package io.salesrisk.reevaluation.rest;

import io.salesrisk.common.json.JsonText;
import io.salesrisk.reevaluation.run.RunProgress;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.service.RunReports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A run as the API shows it.
 *
 * @param scope   {"kind": "SEGMENT", "value": "SMB"} and the like; a list of customers shows its size
 * @param summary null until the run is completed
 */
public record RunView(UUID id, Scope scope, String status, String trigger, String requestedBy, LocalDate asOf,
                      String rulesetVersion, OffsetDateTime createdAt, OffsetDateTime finishedAt, RunProgress progress,
                      Object summary) {

    public record Scope(String kind, String value, Integer customers) {
    }

    static RunView of(RunReports.RunState state, JsonText json) {
        RunRecord run = state.run();
        Scope scope = new Scope(run.scope().kind().name(), run.scope().value(),
                run.scope().kind() == RunScope.Kind.CUSTOMERS ? run.total() : null);
        return new RunView(run.id(), scope, run.status().name(), run.trigger().name(), run.requestedBy(), run.asOf(),
                run.rulesetVersion(), run.createdAt(), run.finishedAt(), state.progress(),
                run.summaryJson() == null ? null : json.tree(run.summaryJson()));
    }
}
