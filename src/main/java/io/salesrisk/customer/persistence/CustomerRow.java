package io.salesrisk.customer.persistence;

import java.math.BigDecimal;

/** A customer's master data as a CSV import or the demo generator writes it. Amounts in the base currency. */
public record CustomerRow(String id, String name, String segment, String region, String industry, int yearsInBusiness,
                          String externalRating, String riskClass, BigDecimal creditLimit, int paymentTermsDays) {
}
