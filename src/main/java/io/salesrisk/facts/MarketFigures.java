package io.salesrisk.facts;

import java.math.BigDecimal;

/** One industry's market index (from the market-index import), for market-level contingency triggers. */
public class MarketFigures {

    private final transient RaisedRisks risks;
    private String industry;
    private BigDecimal latestIndex = BigDecimal.ZERO;
    private BigDecimal indexDropPercent = BigDecimal.ZERO;

    public MarketFigures(RaisedRisks risks) {
        this.risks = risks;
    }

    /** Raises a risk of the contingency register for this industry. */
    public void raise(String riskType, String message) {
        risks.raise(riskType, "INDUSTRY:" + industry, "market", this, message);
    }

    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    /** The latest index value up to the run's day. */
    public BigDecimal getLatestIndex() { return latestIndex; }
    public void setLatestIndex(BigDecimal latestIndex) { this.latestIndex = latestIndex; }
    /** How far the latest index fell below the same month a year earlier, in % (0 when it rose). */
    public BigDecimal getIndexDropPercent() { return indexDropPercent; }
    public void setIndexDropPercent(BigDecimal indexDropPercent) { this.indexDropPercent = indexDropPercent; }
}
