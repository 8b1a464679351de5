package io.salesrisk.facts;

import java.math.BigDecimal;

/** The whole portfolio at the end of a re-evaluation run of all customers, for portfolio-level contingency triggers. */
public class PortfolioFigures {

    private final transient RaisedRisks risks;
    private int customers;
    private BigDecimal totalExposure = BigDecimal.ZERO;
    private BigDecimal exposureClassDEPercent = BigDecimal.ZERO;
    private BigDecimal overdueRatioPercent = BigDecimal.ZERO;
    private BigDecimal salesDropPercent = BigDecimal.ZERO;

    public PortfolioFigures(RaisedRisks risks) {
        this.risks = risks;
    }

    /** Raises a risk of the contingency register for the whole portfolio. */
    public void raise(String riskType, String message) {
        risks.raise(riskType, "PORTFOLIO", "portfolio", this, message);
    }

    /** Customers assessed. */
    public int getCustomers() { return customers; }
    public void setCustomers(int customers) { this.customers = customers; }
    /** Sum of all customers' exposure (open receivables and approved open orders). */
    public BigDecimal getTotalExposure() { return totalExposure; }
    public void setTotalExposure(BigDecimal totalExposure) { this.totalExposure = totalExposure; }
    /** Share of the exposure held by customers of risk classes D and E after this run, in %. */
    public BigDecimal getExposureClassDEPercent() { return exposureClassDEPercent; }
    public void setExposureClassDEPercent(BigDecimal value) { this.exposureClassDEPercent = value; }
    /** Overdue receivables against all open receivables, in %. */
    public BigDecimal getOverdueRatioPercent() { return overdueRatioPercent; }
    public void setOverdueRatioPercent(BigDecimal overdueRatioPercent) { this.overdueRatioPercent = overdueRatioPercent; }
    /** How far the last 3 months' sales fell below the same months last year, in % (0 when they rose). */
    public BigDecimal getSalesDropPercent() { return salesDropPercent; }
    public void setSalesDropPercent(BigDecimal salesDropPercent) { this.salesDropPercent = salesDropPercent; }
}
