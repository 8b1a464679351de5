package io.salesrisk.invoice.service;

import io.salesrisk.common.problem.ProblemDetail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.BiConsumer;

/** Consistency rules of an invoice, shared by the REST API and the CSV import. */
public final class InvoiceRules {

    private InvoiceRules() {
    }

    /**
     * Reports (field, message) for each inconsistency: due before issue, paid more than the amount, a paid date
     * without payment or a full payment without a date.
     */
    public static void check(LocalDate issueDate, LocalDate dueDate, BigDecimal amount, BigDecimal paidAmount,
                             LocalDate paidDate, BiConsumer<String, String> errors) {
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            errors.accept("dueDate", "due date " + dueDate + " is before issue date " + issueDate);
        }
        BigDecimal paid = paidAmount == null ? BigDecimal.ZERO : paidAmount;
        if (amount != null && paid.compareTo(amount) > 0) {
            errors.accept("paidAmount", "paid amount " + paid.toPlainString() + " exceeds the invoice amount " + amount.toPlainString());
        }
        if (paidDate != null && paid.signum() == 0) {
            errors.accept("paidDate", "a paid date needs a paid amount above zero");
        }
        if (paidDate == null && amount != null && paid.signum() > 0 && paid.compareTo(amount) >= 0) {
            errors.accept("paidDate", "a fully paid invoice needs the date it was paid");
        }
        if (paidDate != null && issueDate != null && paidDate.isBefore(issueDate)) {
            errors.accept("paidDate", "paid date " + paidDate + " is before issue date " + issueDate);
        }
    }

    /** Helper for callers that report problems as {@link ProblemDetail}s on JSON fields. */
    public static BiConsumer<String, String> asFieldErrors(java.util.List<ProblemDetail> sink) {
        return (field, message) -> sink.add(ProblemDetail.field(field, message));
    }
}
