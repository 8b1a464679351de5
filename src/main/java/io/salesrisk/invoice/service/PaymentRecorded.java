package io.salesrisk.invoice.service;

import java.math.BigDecimal;

/**
 * A payment was recorded on a customer's invoice (its paid amount grew): fired in the transaction that stores it,
 * so observers that want the stored state use {@code TransactionPhase.AFTER_SUCCESS} (the held orders recheck the
 * customer's holds).
 */
public record PaymentRecorded(String customerId, String invoiceId, BigDecimal paidAmount) {
}
