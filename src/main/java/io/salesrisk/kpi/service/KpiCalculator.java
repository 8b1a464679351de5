package io.salesrisk.kpi.service;

import io.salesrisk.kpi.persistence.KpiFiguresQuery;
import io.salesrisk.kpi.persistence.KpiFiguresQuery.Group;
import io.salesrisk.salesdata.persistence.SalesTarget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns the database's sums into KPI values for the portfolio, each segment and each region (and each rep's
 * attainment), following the credit-practice definitions: DSO = receivables × days ÷ credit sales, best possible DSO
 * the same with the not-yet-due receivables, ADD = DSO − best DSO, CEI = (opening AR + credit sales − closing AR) ÷
 * (opening AR + credit sales − closing current AR) × 100. A KPI whose denominator is zero is not measured (no value
 * is better than a made-up one). Values are rounded to one decimal.
 */
final class KpiCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Everything one evaluation read from the database. */
    record Figures(List<Group> receivables, List<Group> holds, List<Group> orders, List<Group> sales,
                   List<KpiFiguresQuery.Decided> decided, Map<String, BigDecimal> salesByRep, List<SalesTarget> targets,
                   int windowDays, String windowPeriod, YearMonth lastMonth) {
    }

    private KpiCalculator() {
    }

    static List<Measured> measure(Figures f) {
        List<Measured> out = new ArrayList<>();
        scope(out, f, Kpi.ScopeKind.PORTFOLIO, "all", g -> true);
        for (String segment : distinct(f, Group::segment)) {
            scope(out, f, Kpi.ScopeKind.SEGMENT, segment, g -> segment.equals(g.segment()));
        }
        for (String region : distinct(f, Group::region)) {
            scope(out, f, Kpi.ScopeKind.REGION, region, g -> region.equals(g.region()));
        }
        for (SalesTarget target : f.targets()) {
            if (target.scopeKind().equals("REP")) {
                BigDecimal sales = f.salesByRep().getOrDefault(target.scope(), BigDecimal.ZERO);
                attainment(out, Kpi.ScopeKind.REP, target.scope(), sales, target.amount(), f.lastMonth());
            }
        }
        return out;
    }

    private static void scope(List<Measured> out, Figures f, Kpi.ScopeKind kind, String scope, Predicate<Group> in) {
        Sums r = sums(f.receivables(), in);
        Sums h = sums(f.holds(), in);
        Sums o = sums(f.orders(), in);
        Sums s = sums(f.sales(), in);
        String period = f.windowPeriod();
        BigDecimal days = BigDecimal.valueOf(f.windowDays());

        BigDecimal closing = r.get("closing_ar");
        BigDecimal current = r.get("current_ar");
        BigDecimal creditSales = r.get("credit_sales");
        BigDecimal opening = r.get("opening_ar");
        Map<String, Object> dsoInputs = inputs("receivables", closing, "currentReceivables", current,
                "creditSales", creditSales, "days", f.windowDays());
        BigDecimal dso = ratio(closing.multiply(days), creditSales, BigDecimal.ONE);
        BigDecimal bestDso = ratio(current.multiply(days), creditSales, BigDecimal.ONE);
        add(out, Kpi.DSO, kind, scope, dso, period, dsoInputs);
        add(out, Kpi.BEST_DSO, kind, scope, bestDso, period, dsoInputs);
        add(out, Kpi.ADD, kind, scope, dso == null ? null : dso.subtract(bestDso), period, dsoInputs);
        BigDecimal collectable = opening.add(creditSales);
        add(out, Kpi.CEI, kind, scope, ratio(collectable.subtract(closing), collectable.subtract(current), HUNDRED), period,
                inputs("openingReceivables", opening, "creditSales", creditSales, "closingReceivables", closing,
                        "closingCurrentReceivables", current));
        add(out, Kpi.OVERDUE_SHARE, kind, scope, ratio(r.get("overdue_ar"), closing, HUNDRED), period,
                inputs("overdue", r.get("overdue_ar"), "receivables", closing));
        add(out, Kpi.OVER_90_SHARE, kind, scope, ratio(r.get("over90_ar"), closing, HUNDRED), period,
                inputs("over90DaysPastDue", r.get("over90_ar"), "receivables", closing));

        add(out, Kpi.HELD_WAITING_LONG, kind, scope, h.get("waiting_long"), period, inputs("waitingTooLong", h.get("waiting_long")));
        List<Double> hours = new ArrayList<>(f.decided().stream()
                .filter(d -> in.test(new Group(d.segment(), d.region(), Map.of()))).map(KpiFiguresQuery.Decided::hours).toList());
        hours.sort(Double::compare);
        add(out, Kpi.MEDIAN_HOURS_TO_DECISION, kind, scope, hours.isEmpty() ? null
                : BigDecimal.valueOf(hours.get((int) Math.ceil(0.5 * hours.size()) - 1)).setScale(1, RoundingMode.HALF_UP),
                period, inputs("decided", hours.size()));
        BigDecimal released = h.get("released");
        BigDecimal decided = released.add(h.get("rejected"));
        add(out, Kpi.OVERRIDE_SHARE, kind, scope, ratio(released, decided, HUNDRED), period,
                inputs("released", released, "decided", decided));
        add(out, Kpi.REHOLD_RATE, kind, scope, ratio(h.get("reholds"), released, HUNDRED), period,
                inputs("reholds", h.get("reholds"), "released", released));
        add(out, Kpi.BLOCKED_SHARE, kind, scope, ratio(o.get("blocked"), o.get("decisions"), HUNDRED), period,
                inputs("blocked", o.get("blocked"), "decisions", o.get("decisions")));
        add(out, Kpi.LATE_SHIPMENT_SHARE, kind, scope, ratio(o.get("shipped_late"), o.get("shipped"), HUNDRED), period,
                inputs("shippedLate", o.get("shipped_late"), "shipped", o.get("shipped")));
        add(out, Kpi.UNSIGNED_CONTRACTS, kind, scope, o.get("unsigned_contracts"), period,
                inputs("ordersWithoutContract", o.get("unsigned_contracts")));
        add(out, Kpi.DISCOUNT_OVERRIDES, kind, scope, h.get("discount_overrides"), period,
                inputs("releasedAboveCeiling", h.get("discount_overrides")));

        YearMonth last = f.lastMonth();
        BigDecimal recent = s.get("recent");
        BigDecimal prior = s.get("prior");
        add(out, Kpi.SALES_DROP, kind, scope, ratio(prior.subtract(recent), prior, HUNDRED),
                last.minusMonths(2) + ".." + last + " vs " + last.minusMonths(14) + ".." + last.minusMonths(12),
                inputs("sales", recent, "salesYearBefore", prior));
        for (SalesTarget target : f.targets()) {
            if (target.scopeKind().equals(kind.name()) && target.scope().equals(scope)) {
                attainment(out, kind, scope, s.get("last_month"), target.amount(), last);
            }
        }
    }

    private static void attainment(List<Measured> out, Kpi.ScopeKind kind, String scope, BigDecimal sales,
                                   BigDecimal target, YearMonth month) {
        add(out, Kpi.ATTAINMENT, kind, scope, ratio(sales, target, HUNDRED), month.toString(),
                inputs("sales", sales, "target", target));
    }

    private static void add(List<Measured> out, Kpi kpi, Kpi.ScopeKind kind, String scope, BigDecimal value,
                            String period, Map<String, Object> inputs) {
        if (value != null) {
            out.add(new Measured(kpi, kind, scope, value.setScale(1, RoundingMode.HALF_UP), period, inputs));
        }
    }

    /** numerator × factor ÷ denominator to one decimal, or null when the denominator is not positive. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
        if (numerator == null || denominator == null || denominator.signum() <= 0) {
            return null;
        }
        return numerator.multiply(factor).divide(denominator, 1, RoundingMode.HALF_UP);
    }

    /** The groups' sums added up; a figure no group has is zero (nothing of it in the scope). */
    private record Sums(Map<String, BigDecimal> values) {
        BigDecimal get(String figure) {
            return values.getOrDefault(figure, BigDecimal.ZERO);
        }
    }

    private static Sums sums(List<Group> groups, Predicate<Group> in) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Group g : groups) {
            if (in.test(g)) {
                g.sums().forEach((k, v) -> sums.merge(k, v, BigDecimal::add));
            }
        }
        return new Sums(sums);
    }

    private static TreeSet<String> distinct(Figures f, Function<Group, String> key) {
        TreeSet<String> values = new TreeSet<>();
        for (List<Group> groups : List.of(f.receivables(), f.holds(), f.orders(), f.sales())) {
            groups.forEach(g -> values.add(key.apply(g)));
        }
        return values;
    }

    private static Map<String, Object> inputs(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            map.put((String) pairs[i], v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v);
        }
        return map;
    }
}
