package io.salesrisk.reevaluation.run;

import java.util.UUID;

/** A customer re-evaluation run completed: fired after its summary is committed (the held orders recheck). */
public record ReevaluationCompleted(UUID runId) {
}
