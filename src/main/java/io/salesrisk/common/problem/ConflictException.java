package io.salesrisk.common.problem;

/** The request is valid but clashes with the state of a resource; answered with 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
