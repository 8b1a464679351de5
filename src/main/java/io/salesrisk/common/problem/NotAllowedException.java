package io.salesrisk.common.problem;

/**
 * The user may call the endpoint but not do this particular thing (release an order they entered, release above
 * their authority); answered with 403 and the reason, unlike a role that does not allow the endpoint at all.
 */
public class NotAllowedException extends RuntimeException {

    private final String field;

    public NotAllowedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
