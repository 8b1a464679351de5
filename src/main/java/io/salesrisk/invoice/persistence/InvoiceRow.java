package io.salesrisk.invoice.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as the ERP, a CSV import or the demo generator reports it. Amounts in the base currency. */
public record InvoiceRow(String id, String customerId, String orderId, LocalDate issueDate, LocalDate dueDate,
                         BigDecimal amount, BigDecimal paidAmount, LocalDate paidDate) {
}
