package io.salesrisk.kpi.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * The process KPIs the service measures, with their unit and a label for the board. The KPI table may only name
 * these: a row for anything else would never fire, so it is rejected when the rule set is checked.
 */
public enum Kpi {
    DSO("Days sales outstanding", "days", Group.CREDIT),
    BEST_DSO("Best possible DSO", "days", Group.CREDIT),
    ADD("Average days delinquent (DSO − best DSO)", "days", Group.CREDIT),
    CEI("Collection effectiveness index", "%", Group.CREDIT),
    OVERDUE_SHARE("Overdue share of receivables", "%", Group.CREDIT),
    OVER_90_SHARE("Receivables more than 90 days past due", "%", Group.CREDIT),
    HELD_WAITING_LONG("Held orders waiting too long", "orders", Group.ORDERS),
    MEDIAN_HOURS_TO_DECISION("Median time from hold to decision", "hours", Group.ORDERS),
    OVERRIDE_SHARE("Override share of holds (released ÷ decided)", "%", Group.ORDERS),
    BLOCKED_SHARE("Share of evaluated orders blocked", "%", Group.ORDERS),
    REHOLD_RATE("Re-holds per 100 releases", "%", Group.ORDERS),
    LATE_SHIPMENT_SHARE("Shipments later than requested", "%", Group.SHIPPING),
    UNSIGNED_CONTRACTS("Large orders without a signed contract", "orders", Group.SHIPPING),
    DISCOUNT_OVERRIDES("Discounts above the ceiling released anyway", "orders", Group.SHIPPING),
    ATTAINMENT("Attainment of the sales target", "%", Group.SALES),
    SALES_DROP("Sales drop vs. the same months a year before", "%", Group.SALES);

    /** The board's sections. */
    public enum Group { CREDIT, ORDERS, SHIPPING, SALES }

    private final String label;
    private final String unit;
    private final Group group;

    Kpi(String label, String unit, Group group) {
        this.label = label;
        this.unit = unit;
        this.group = group;
    }

    public String label() { return label; }
    public String unit() { return unit; }
    public Group group() { return group; }

    public static Optional<Kpi> named(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /** The scope kinds a KPI is measured for. */
    public enum ScopeKind {
        PORTFOLIO, SEGMENT, REGION, REP;

        public static Optional<ScopeKind> named(String name) {
            return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
        }
    }
}
