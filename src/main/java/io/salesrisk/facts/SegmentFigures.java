package io.salesrisk.facts;

import java.math.BigDecimal;

/** One segment at the end of a re-evaluation run, for segment-level contingency triggers. */
public class SegmentFigures {

    private final transient RaisedRisks risks;
    private String segment;
    private int customers;
    private BigDecimal exposure = BigDecimal.ZERO;
    private BigDecimal exposureClassDEPercent = BigDecimal.ZERO;
    private BigDecimal overdueRatioPercent = BigDecimal.ZERO;
    private BigDecimal salesDropPercent = BigDecimal.ZERO;

    public SegmentFigures(RaisedRisks risks) {
        this.risks = risks;
    }

    /** Raises a risk of the contingency register for this segment. */
    public void raise(String riskType, String message) {
        risks.raise(riskType, "SEGMENT:" + segment, "segment", this, message);
    }

    public String getSegment() { return segment; }
    public void setSegment(String segment) { this.segment = segment; }
    public int getCustomers() { return customers; }
    public void setCustomers(int customers) { this.customers = customers; }
    /** The segment's exposure (open receivables and approved open orders). */
    public BigDecimal getExposure() { return exposure; }
    public void setExposure(BigDecimal exposure) { this.exposure = exposure; }
    /** Share of the segment's exposure held by classes D and E, in %. */
    public BigDecimal getExposureClassDEPercent() { return exposureClassDEPercent; }
    public void setExposureClassDEPercent(BigDecimal value) { this.exposureClassDEPercent = value; }
    /** The segment's overdue receivables against its open receivables, in %. */
    public BigDecimal getOverdueRatioPercent() { return overdueRatioPercent; }
    public void setOverdueRatioPercent(BigDecimal overdueRatioPercent) { this.overdueRatioPercent = overdueRatioPercent; }
    /** How far the segment's last 3 months' sales fell below the same months last year, in % (0 when they rose). */
    public BigDecimal getSalesDropPercent() { return salesDropPercent; }
    public void setSalesDropPercent(BigDecimal salesDropPercent) { this.salesDropPercent = salesDropPercent; }
}
