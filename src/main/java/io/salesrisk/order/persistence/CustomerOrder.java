package io.salesrisk.order.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One order of a customer with the outcome of its latest decision ({@code outcome} and {@code evaluatedAt} null for an
 * order that was imported and never evaluated). {@code amount} in the base currency.
 */
public record CustomerOrder(String id, BigDecimal amount, String currency, BigDecimal originalAmount, LocalDate orderDate,
                            OrderStatus status, OffsetDateTime updatedAt, String outcome, OffsetDateTime evaluatedAt,
                            String rulesetVersion) {
}
