package io.salesrisk.reevaluation.run;

import java.util.UUID;

/** A run whose scope is running already, or a scheduled run that another instance started already. */
public class DuplicateRunException extends RuntimeException {

    private final UUID existing;

    public DuplicateRunException(UUID existing, String message) {
        super(message);
        this.existing = existing;
    }

    public UUID existing() {
        return existing;
    }
}
