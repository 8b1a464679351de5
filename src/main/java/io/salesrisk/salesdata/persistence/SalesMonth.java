package io.salesrisk.salesdata.persistence;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month of a customer's sales, as imported or generated. */
public record SalesMonth(String customerId, YearMonth month, BigDecimal amount) {

    String key() {
        return customerId + "|" + month;
    }
}
