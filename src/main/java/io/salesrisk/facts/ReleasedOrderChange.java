package io.salesrisk.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * A released order evaluated again (changed by the CRM, or rechecked), given to the release-tolerance table
 * ({@code decision-tables/release-tolerance.xlsx}). A row that finds the change within its tolerance calls
 * {@link #keepRelease}: the order stays released and is approved with that reason. No row firing means the change is
 * beyond tolerance and the order is evaluated in full (SAP's semantics: above either limit, a full check).
 *
 * @param amountGrowthPercent how much the amount grew since the release, in % (0 or negative when it did not grow)
 * @param daysSinceRelease    whole days since the release
 */
public class ReleasedOrderChange implements RuleAware {

    private final String riskClass;
    private final String segment;
    private final BigDecimal releasedAmount;
    private final BigDecimal amount;
    private final BigDecimal amountGrowthPercent;
    private final int daysSinceRelease;
    private final LocalDate releasedOn;
    private final String releasedBy;
    private String keptBy;
    private RuleRef keptRule;
    private String reason;
    private RuleRef currentRule = RuleRef.system("unknown", "unknown");

    public ReleasedOrderChange(String riskClass, String segment, BigDecimal releasedAmount, BigDecimal amount,
                               BigDecimal amountGrowthPercent, int daysSinceRelease, LocalDate releasedOn, String releasedBy) {
        this.riskClass = riskClass;
        this.segment = segment;
        this.releasedAmount = releasedAmount;
        this.amount = amount;
        this.amountGrowthPercent = amountGrowthPercent;
        this.daysSinceRelease = daysSinceRelease;
        this.releasedOn = releasedOn;
        this.releasedBy = releasedBy;
    }

    @Override
    public void enterRule(RuleRef rule) {
        currentRule = rule;
    }

    /**
     * The change is within this row's tolerance. The message may name the release and the row:
     * "released {change.releasedOn} by {change.releasedBy}; amount {change.growth} % within the {Max amount growth %} % tolerance".
     */
    public void keepRelease(String message) {
        if (keptBy == null) {
            keptRule = currentRule;
            keptBy = currentRule.name() + " (" + currentRule.source() + ")";
            // fills {change.releasedOn}, {change.growth}, … and the row's labels, like every rule message
            reason = Placeholders.render(message, Map.of("change", this), currentRule);
        }
    }

    /** The growth of the amount as people write it: "+6.0", "-2.5", "0.0". */
    public String getGrowth() {
        return (amountGrowthPercent.signum() > 0 ? "+" : "")
                + amountGrowthPercent.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    public boolean isWithinTolerance() { return keptBy != null; }
    /** The rule and row that kept the release, e.g. "ReleaseTolerance[C] (release-tolerance.xlsx, Tolerance!B9)". */
    public String getKeptBy() { return keptBy; }
    public String getReason() { return reason; }
    /** The rule that kept the release, or null. */
    public RuleRef getRule() { return keptRule; }
    public String getRiskClass() { return riskClass; }
    public String getSegment() { return segment; }
    public BigDecimal getReleasedAmount() { return releasedAmount; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getAmountGrowthPercent() { return amountGrowthPercent; }
    public int getDaysSinceRelease() { return daysSinceRelease; }
    public LocalDate getReleasedOn() { return releasedOn; }
    public String getReleasedBy() { return releasedBy; }
}
