package io.salesrisk.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The customer's credit exposure on {@code asOf}, computed from persisted invoices and orders, and what it
 * would become if the order under evaluation were approved ("projected" fields). Amounts in the base currency;
 * fields ending in {@code Percent} are percentages (80 means 80 %), kept to four decimals so that
 * thresholds compare exactly.
 */
public class CreditExposure {

    /** A percentage of a zero limit is reported as this value rather than infinity. */
    public static final BigDecimal PERCENT_CAP = new BigDecimal("9999.9999");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private LocalDate asOf;
    private int horizonDays;
    private BigDecimal creditLimit = BigDecimal.ZERO;
    private BigDecimal openReceivables = BigDecimal.ZERO;
    private BigDecimal overdueAmount = BigDecimal.ZERO;
    private int oldestOverdueDays;
    private BigDecimal openOrders = BigDecimal.ZERO;
    private BigDecimal totalExposure = BigDecimal.ZERO;
    private BigDecimal availableCredit = BigDecimal.ZERO;
    private BigDecimal utilizationPercent = BigDecimal.ZERO;
    private BigDecimal overduePercentOfLimit = BigDecimal.ZERO;
    private BigDecimal orderAmount = BigDecimal.ZERO;
    private BigDecimal projectedExposure = BigDecimal.ZERO;
    private BigDecimal projectedOverLimit = BigDecimal.ZERO;
    private BigDecimal projectedOverLimitPercent = BigDecimal.ZERO;
    private BigDecimal limitCutPercent = BigDecimal.ZERO;

    /** Derives totals, available credit and the percentages from the persisted figures and the order amount. */
    public static CreditExposure of(LocalDate asOf, int horizonDays, BigDecimal creditLimit, BigDecimal openReceivables,
                                    BigDecimal overdueAmount, int oldestOverdueDays, BigDecimal openOrders,
                                    BigDecimal orderAmount) {
        CreditExposure e = new CreditExposure();
        e.asOf = asOf;
        e.horizonDays = horizonDays;
        e.openReceivables = money(openReceivables);
        e.overdueAmount = money(overdueAmount);
        e.oldestOverdueDays = oldestOverdueDays;
        e.openOrders = money(openOrders);
        e.totalExposure = e.openReceivables.add(e.openOrders);
        e.orderAmount = money(orderAmount);
        e.projectedExposure = e.totalExposure.add(e.orderAmount);
        e.limitFigures(money(creditLimit));
        return e;
    }

    /**
     * Checks against {@code percent} % less of {@code customerLimit}, as a contingency plan's limit cut asks: the limit
     * and every figure measured against it change, {@code limitCutPercent} records the cut. A cut of 0 restores the
     * customer's own limit.
     */
    public void applyLimitCut(BigDecimal percent, BigDecimal customerLimit) {
        limitCutPercent = percent;
        limitFigures(money(customerLimit).multiply(HUNDRED.subtract(percent)).divide(HUNDRED, 2, RoundingMode.DOWN));
    }

    private void limitFigures(BigDecimal limit) {
        creditLimit = limit;
        availableCredit = creditLimit.subtract(totalExposure);
        utilizationPercent = percentOf(totalExposure, creditLimit);
        overduePercentOfLimit = percentOf(overdueAmount, creditLimit);
        projectedOverLimit = money(projectedExposure.subtract(creditLimit).max(BigDecimal.ZERO));
        projectedOverLimitPercent = percentOf(projectedOverLimit, creditLimit);
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        if (part.signum() == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        if (whole.signum() <= 0) {
            return PERCENT_CAP;
        }
        return part.multiply(HUNDRED).divide(whole, 4, RoundingMode.HALF_UP).min(PERCENT_CAP);
    }

    public LocalDate getAsOf() { return asOf; }
    public void setAsOf(LocalDate asOf) { this.asOf = asOf; }
    public int getHorizonDays() { return horizonDays; }
    public void setHorizonDays(int horizonDays) { this.horizonDays = horizonDays; }
    public BigDecimal getCreditLimit() { return creditLimit; }
    public void setCreditLimit(BigDecimal creditLimit) { this.creditLimit = creditLimit; }
    public BigDecimal getOpenReceivables() { return openReceivables; }
    public void setOpenReceivables(BigDecimal openReceivables) { this.openReceivables = openReceivables; }
    public BigDecimal getOverdueAmount() { return overdueAmount; }
    public void setOverdueAmount(BigDecimal overdueAmount) { this.overdueAmount = overdueAmount; }
    public int getOldestOverdueDays() { return oldestOverdueDays; }
    public void setOldestOverdueDays(int oldestOverdueDays) { this.oldestOverdueDays = oldestOverdueDays; }
    public BigDecimal getOpenOrders() { return openOrders; }
    public void setOpenOrders(BigDecimal openOrders) { this.openOrders = openOrders; }
    public BigDecimal getTotalExposure() { return totalExposure; }
    public void setTotalExposure(BigDecimal totalExposure) { this.totalExposure = totalExposure; }
    public BigDecimal getAvailableCredit() { return availableCredit; }
    public void setAvailableCredit(BigDecimal availableCredit) { this.availableCredit = availableCredit; }
    public BigDecimal getUtilizationPercent() { return utilizationPercent; }
    public void setUtilizationPercent(BigDecimal utilizationPercent) { this.utilizationPercent = utilizationPercent; }
    public BigDecimal getOverduePercentOfLimit() { return overduePercentOfLimit; }
    public void setOverduePercentOfLimit(BigDecimal overduePercentOfLimit) { this.overduePercentOfLimit = overduePercentOfLimit; }
    public BigDecimal getOrderAmount() { return orderAmount; }
    public void setOrderAmount(BigDecimal orderAmount) { this.orderAmount = orderAmount; }
    public BigDecimal getProjectedExposure() { return projectedExposure; }
    public void setProjectedExposure(BigDecimal projectedExposure) { this.projectedExposure = projectedExposure; }
    public BigDecimal getProjectedOverLimit() { return projectedOverLimit; }
    public void setProjectedOverLimit(BigDecimal projectedOverLimit) { this.projectedOverLimit = projectedOverLimit; }
    public BigDecimal getProjectedOverLimitPercent() { return projectedOverLimitPercent; }
    public void setProjectedOverLimitPercent(BigDecimal projectedOverLimitPercent) { this.projectedOverLimitPercent = projectedOverLimitPercent; }
    /** How much a contingency plan's rule cut the customer's limit for this order, in % (0: the customer's own limit). */
    public BigDecimal getLimitCutPercent() { return limitCutPercent; }
    public void setLimitCutPercent(BigDecimal limitCutPercent) { this.limitCutPercent = limitCutPercent == null ? BigDecimal.ZERO : limitCutPercent; }

    /** A field-by-field copy, so a replay can give each rule set its own facts. */
    public CreditExposure copy() {
        CreditExposure copy = new CreditExposure();
        copy.asOf = asOf;
        copy.horizonDays = horizonDays;
        copy.creditLimit = creditLimit;
        copy.openReceivables = openReceivables;
        copy.overdueAmount = overdueAmount;
        copy.oldestOverdueDays = oldestOverdueDays;
        copy.openOrders = openOrders;
        copy.totalExposure = totalExposure;
        copy.availableCredit = availableCredit;
        copy.utilizationPercent = utilizationPercent;
        copy.overduePercentOfLimit = overduePercentOfLimit;
        copy.orderAmount = orderAmount;
        copy.projectedExposure = projectedExposure;
        copy.projectedOverLimit = projectedOverLimit;
        copy.projectedOverLimitPercent = projectedOverLimitPercent;
        copy.limitCutPercent = limitCutPercent;
        return copy;
    }
}
