package io.salesrisk.common.problem;

/** A referenced resource does not exist; answered with 404 naming what was looked for. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that referenced the missing resource, or null for a path parameter. */
    public String field() {
        return field;
    }
}
