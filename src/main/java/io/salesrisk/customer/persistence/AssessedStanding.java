package io.salesrisk.customer.persistence;

import java.math.BigDecimal;

/**
 * The standing a re-evaluation computed for a customer, stored only if the customer still has the limit and class
 * it was assessed with ({@code limitBefore}, {@code classBefore}).
 */
public record AssessedStanding(String customerId, int score, String riskClass, BigDecimal creditLimit,
                               int paymentTermsDays, boolean prepaymentRequired, BigDecimal limitBefore,
                               String classBefore) {
}
