package io.salesrisk.demo;

import io.salesrisk.salesdata.persistence.SalesTarget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's sales targets, so the attainment KPI has something to measure: for each segment and region, each of the
 * last twelve months' target is the same month a year before plus 5 % (a plain growth plan, not fitted to the
 * generated sales of the month itself).
 */
final class DemoTargets {

    private static final BigDecimal PLAN = new BigDecimal("1.05");

    private final YearMonth current;
    private final Map<String, BigDecimal> yearBefore = new TreeMap<>();

    DemoTargets(YearMonth current) {
        this.current = current;
    }

    void add(DemoCustomer customer) {
        for (DemoCustomer.MonthlySales month : customer.sales()) {
            for (String scope : List.of("SEGMENT|" + customer.segment(), "REGION|" + customer.region())) {
                yearBefore.merge(scope + "|" + month.month(), month.amount(), BigDecimal::add);
            }
        }
    }

    List<SalesTarget> targets() {
        List<SalesTarget> targets = new ArrayList<>();
        yearBefore.forEach((key, amount) -> {
            String[] parts = key.split("\\|");
            YearMonth planned = YearMonth.parse(parts[2]).plusMonths(12);
            if (planned.isBefore(current.plusMonths(1)) && !planned.isBefore(current.minusMonths(12))) {
                targets.add(new SalesTarget(parts[0], parts[1], planned, amount.multiply(PLAN).setScale(2, RoundingMode.HALF_UP)));
            }
        });
        return targets;
    }
}
