package io.salesrisk.salesdata.persistence;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month of an industry's market index, as imported or generated. */
public record IndexMonth(String industry, YearMonth month, BigDecimal value) {

    String key() {
        return industry + "|" + month;
    }
}
