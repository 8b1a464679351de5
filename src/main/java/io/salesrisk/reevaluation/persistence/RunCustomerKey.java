package io.salesrisk.reevaluation.persistence;

import java.io.Serializable;
import java.util.UUID;

/** The key of the tables that hold one row per customer of a run: assessments, failures, the ids of a listed scope. */
public record RunCustomerKey(UUID runId, String customerId) implements Serializable {

    public RunCustomerKey() {
        this(null, null);
    }
}
