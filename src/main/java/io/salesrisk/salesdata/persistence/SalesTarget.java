package io.salesrisk.salesdata.persistence;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A month's sales target of a segment, region or sales rep. */
public record SalesTarget(String scopeKind, String scope, YearMonth month, BigDecimal amount) {

    public String key() {
        return scopeKind + "|" + scope + "|" + month;
    }
}
