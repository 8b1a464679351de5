package io.salesrisk.facts;

import java.math.BigDecimal;
import java.util.List;

/**
 * The customer as rules see it: master data and its current credit standing.
 * Amounts are in the base currency, in cents (two decimals). Documented for rule authors in docs/rule-authoring.md.
 */
public class Customer {

    private String id;
    private String name;
    private String segment;
    private String region;
    private String industry;
    private int yearsInBusiness;
    private String externalRating;
    private String riskClass;
    private BigDecimal creditLimit = BigDecimal.ZERO;
    private int allowedPaymentTermsDays;
    private boolean prepaymentRequired;
    private List<String> activePlans = List.of();

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSegment() { return segment; }
    public void setSegment(String segment) { this.segment = segment; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public int getYearsInBusiness() { return yearsInBusiness; }
    public void setYearsInBusiness(int yearsInBusiness) { this.yearsInBusiness = yearsInBusiness; }
    public String getExternalRating() { return externalRating; }
    public void setExternalRating(String externalRating) { this.externalRating = externalRating; }
    public String getRiskClass() { return riskClass; }
    public void setRiskClass(String riskClass) { this.riskClass = riskClass; }
    public BigDecimal getCreditLimit() { return creditLimit; }
    public void setCreditLimit(BigDecimal creditLimit) { this.creditLimit = CreditExposure.money(creditLimit); }
    public int getAllowedPaymentTermsDays() { return allowedPaymentTermsDays; }
    public void setAllowedPaymentTermsDays(int allowedPaymentTermsDays) { this.allowedPaymentTermsDays = allowedPaymentTermsDays; }

    /** Whether the latest re-evaluation requires prepayment from this customer (e.g. risk class E). */
    public boolean isPrepaymentRequired() { return prepaymentRequired; }
    public void setPrepaymentRequired(boolean prepaymentRequired) { this.prepaymentRequired = prepaymentRequired; }
    /** Codes of the active contingency plans that cover this customer (portfolio, its segment, industry or itself); their actions are {@link ContingencyMeasure} facts. */
    public List<String> getActivePlans() { return activePlans; }
    public void setActivePlans(List<String> activePlans) { this.activePlans = List.copyOf(activePlans); }

    /** A field-by-field copy, so a replay can give each rule set its own facts. */
    public Customer copy() {
        Customer copy = new Customer();
        copy.id = id;
        copy.name = name;
        copy.segment = segment;
        copy.region = region;
        copy.industry = industry;
        copy.yearsInBusiness = yearsInBusiness;
        copy.externalRating = externalRating;
        copy.riskClass = riskClass;
        copy.creditLimit = creditLimit;
        copy.allowedPaymentTermsDays = allowedPaymentTermsDays;
        copy.prepaymentRequired = prepaymentRequired;
        copy.activePlans = activePlans;
        return copy;
    }
}
