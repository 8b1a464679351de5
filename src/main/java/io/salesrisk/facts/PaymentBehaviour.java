package io.salesrisk.facts;

import java.math.BigDecimal;

/**
 * How the customer paid over the last {@code periodMonths} months (invoices due in that period).
 * A customer with no invoices due in the period has {@code invoicesDue == 0}, an on-time share of 100 % and no delay.
 */
public class PaymentBehaviour {

    private int periodMonths = 12;
    private int invoicesDue;
    private int invoicesPaidOnTime;
    private BigDecimal onTimePercent = new BigDecimal("100");
    private BigDecimal averageDaysLate = BigDecimal.ZERO;
    private BigDecimal dsoDays = BigDecimal.ZERO;
    private BigDecimal creditSales = BigDecimal.ZERO;

    public int getPeriodMonths() { return periodMonths; }
    public void setPeriodMonths(int periodMonths) { this.periodMonths = periodMonths; }
    public int getInvoicesDue() { return invoicesDue; }
    public void setInvoicesDue(int invoicesDue) { this.invoicesDue = invoicesDue; }
    public int getInvoicesPaidOnTime() { return invoicesPaidOnTime; }
    public void setInvoicesPaidOnTime(int invoicesPaidOnTime) { this.invoicesPaidOnTime = invoicesPaidOnTime; }
    public BigDecimal getOnTimePercent() { return onTimePercent; }
    public void setOnTimePercent(BigDecimal onTimePercent) { this.onTimePercent = onTimePercent; }
    public BigDecimal getAverageDaysLate() { return averageDaysLate; }
    public void setAverageDaysLate(BigDecimal averageDaysLate) { this.averageDaysLate = averageDaysLate; }
    public BigDecimal getDsoDays() { return dsoDays; }
    public void setDsoDays(BigDecimal dsoDays) { this.dsoDays = dsoDays; }
    public BigDecimal getCreditSales() { return creditSales; }
    public void setCreditSales(BigDecimal creditSales) { this.creditSales = creditSales; }

    /** A field-by-field copy, so a replay can give each rule set its own facts. */
    public PaymentBehaviour copy() {
        PaymentBehaviour copy = new PaymentBehaviour();
        copy.periodMonths = periodMonths;
        copy.invoicesDue = invoicesDue;
        copy.invoicesPaidOnTime = invoicesPaidOnTime;
        copy.onTimePercent = onTimePercent;
        copy.averageDaysLate = averageDaysLate;
        copy.dsoDays = dsoDays;
        copy.creditSales = creditSales;
        return copy;
    }
}
