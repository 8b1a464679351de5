package io.salesrisk.invoice.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.salesrisk.invoice.persistence.InvoiceRow;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code PUT /api/invoices/{id}}. Amounts in the base currency; a paid date goes with a paid amount. */
public record InvoiceRequest(
        @NotBlank String customerId,
        String orderId,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate,
        @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
        @DecimalMin("0") BigDecimal paidAmount,
        LocalDate paidDate) {

    /** The invoice to store under {@code id}; a blank order id means none. */
    public InvoiceRow toRow(String id) {
        return new InvoiceRow(id, customerId, orderId == null || orderId.isBlank() ? null : orderId, issueDate, dueDate,
                amount, paidAmount, paidDate);
    }
}
