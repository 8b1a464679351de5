package io.salesrisk.invoice.rest;

import io.salesrisk.invoice.persistence.InvoiceEntity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as stored, with its open amount. */
public record InvoiceView(String id, String customerId, String orderId, LocalDate issueDate, LocalDate dueDate,
                          BigDecimal amount, BigDecimal paidAmount, LocalDate paidDate, BigDecimal openAmount) {

    static InvoiceView of(InvoiceEntity i) {
        return new InvoiceView(i.id, i.customerId, i.orderId, i.issueDate, i.dueDate, i.amount, i.paidAmount, i.paidDate,
                i.amount.subtract(i.paidAmount));
    }
}
