package io.salesrisk.common.problem;

import java.util.List;

/** Input that parsed but breaks a rule of the domain (unknown currency, bad CSV lines); answered with 422. */
public class InvalidInputException extends RuntimeException {

    private final transient List<ProblemDetail> errors;

    public InvalidInputException(String detail, List<ProblemDetail> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException field(String field, String message) {
        return new InvalidInputException(message, List.of(ProblemDetail.field(field, message)));
    }

    public List<ProblemDetail> errors() {
        return errors;
    }
}
