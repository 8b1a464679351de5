package io.salesrisk.customer.service;

import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.common.reference.ReferenceConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Consumer;

/** Checks customer codes against the reference lists; shared by the REST API and the CSV import. */
@ApplicationScoped
public class CustomerValidator {

    private final ReferenceConfig reference;

    public CustomerValidator(ReferenceConfig reference) {
        this.reference = reference;
    }

    /** Reports each code that is not in its list, naming the field and the accepted values. */
    public void check(String segment, String riskClass, String externalRating, Consumer<ProblemDetail> errors,
                      FieldNames names) {
        checkCode(names.segment(), segment, reference.segments(), errors);
        checkCode(names.riskClass(), riskClass, reference.riskClasses(), errors);
        if (externalRating != null && !externalRating.isBlank()) {
            checkCode(names.externalRating(), externalRating, reference.externalRatings(), errors);
        }
    }

    private static void checkCode(String field, String value, List<String> accepted, Consumer<ProblemDetail> errors) {
        if (value != null && !accepted.contains(value)) {
            errors.accept(ProblemDetail.field(field, "'" + value + "' is not one of " + String.join(", ", accepted)));
        }
    }

    /** Field names as the caller's input spells them (JSON property or CSV column). */
    public record FieldNames(String segment, String riskClass, String externalRating) {
        public static final FieldNames JSON = new FieldNames("segment", "riskClass", "externalRating");
        public static final FieldNames CSV = new FieldNames("segment", "risk_class", "external_rating");
    }
}
