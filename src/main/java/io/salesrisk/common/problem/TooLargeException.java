package io.salesrisk.common.problem;

import java.util.List;

/** A request within the HTTP body limit but over a feature's own limit (a rule-set upload); answered with 413. */
public class TooLargeException extends RuntimeException {

    private final String field;

    public TooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public List<ProblemDetail> errors() {
        return List.of(ProblemDetail.field(field, getMessage()));
    }
}
