package io.salesrisk.invoice.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.salesrisk.common.money.Amounts;
import io.salesrisk.invoice.persistence.InvoiceRow;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code PUT /api/invoices/{id}}. Amounts in the base currency; a paid date goes with a paid amount. */
public record InvoiceRequest(
        @NotBlank @Size(max = 64) String customerId,
        @Size(max = 64) String orderId,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate,
        @NotNull @DecimalMin(value = "0", inclusive = false)
        @DecimalMax(value = Amounts.MAX_TEXT, message = "must be at most " + Amounts.MAX_TEXT)
        @Digits(integer = Amounts.INTEGER_DIGITS, fraction = Amounts.SCALE, message = "must have at most 2 decimals") BigDecimal amount,
        @DecimalMin("0") @DecimalMax(value = Amounts.MAX_TEXT, message = "must be at most " + Amounts.MAX_TEXT)
        @Digits(integer = Amounts.INTEGER_DIGITS, fraction = Amounts.SCALE, message = "must have at most 2 decimals") BigDecimal paidAmount,
        LocalDate paidDate) {

    /** The invoice to store under {@code id}; a blank order id means none. */
    public InvoiceRow toRow(String id) {
        return new InvoiceRow(id, customerId, orderId == null || orderId.isBlank() ? null : orderId, issueDate, dueDate,
                amount, paidAmount, paidDate);
    }
}
