package io.salesrisk.facts;

import java.math.BigDecimal;

/**
 * Everything the re-evaluation knows about one customer, summed up by the database: sales history against its
 * seasonal baseline and its own spread, receivables by age, payment behaviour and its trend, orders, market index.
 * Amounts in the base currency; fields ending in {@code Percent} are percentage points. Documented field by field
 * in docs/rule-authoring.md.
 */
public class CustomerProfile {

    /** Customer number. */
    private String customerId;
    /** Sales segment. */
    private String segment;
    /** Sales region. */
    private String region;
    /** Industry. */
    private String industry;
    /** Years in business. */
    private int yearsInBusiness;
    /** Agency rating, or null. */
    private String externalRating;
    /** Risk class before this assessment. */
    private String previousRiskClass;
    /** Credit limit before this assessment. */
    private BigDecimal previousCreditLimit = BigDecimal.ZERO;
    /** Payment terms before this assessment. */
    private int previousPaymentTermsDays;
    /** Whether prepayment was required before this assessment. */
    private boolean previousPrepaymentRequired;
    /** Score of the previous assessment, or null if the customer was never assessed. */
    private Integer previousScore;
    /** Score from the scorecard (0 in the scorecard phase, set before the class is looked up). */
    private int score;
    /** Risk class this assessment gives (null until the classification phase has run). */
    private String riskClass;
    /** Months with sales in the last 24. */
    private int monthsOfHistory;
    private int accountAgeMonths;
    /** Months with sales above zero in the last 24 (a regular buyer has about 24, an intermittent one far fewer). */
    private int purchaseMonths;
    /** Full months since the last month with sales (0: bought in the last full month). */
    private int monthsSinceLastPurchase;
    /** The customer's usual time between months with sales, in months (0 with fewer than 4 such months). */
    private BigDecimal usualPurchaseIntervalMonths = BigDecimal.ZERO;
    /**
     * How long the current pause is against the usual interval: (monthsSinceLastPurchase + 1) / usual interval; 1 is
     * on rhythm, 3 means three usual intervals without a purchase (0 without a rhythm).
     */
    private BigDecimal purchaseGapRatio = BigDecimal.ZERO;
    /** Sales of the last 12 full months. */
    private BigDecimal sales12m = BigDecimal.ZERO;
    /** Sales of the 12 months before those. */
    private BigDecimal salesPrevious12m = BigDecimal.ZERO;
    /** Sales12m against salesPrevious12m, in % (negative = down). */
    private BigDecimal salesTrendPercent = BigDecimal.ZERO;
    /** Sales of the last full month. */
    private BigDecimal lastMonthSales = BigDecimal.ZERO;
    /** Sales of the month before. */
    private BigDecimal previousMonthSales = BigDecimal.ZERO;
    /** How far the last month fell below the month before, in % (0 when it rose). */
    private BigDecimal monthOverMonthDropPercent = BigDecimal.ZERO;
    /** Sales of the last 3 full months. */
    private BigDecimal last3MonthsSales = BigDecimal.ZERO;
    /** Sales of the same 3 months a year earlier (seasonal baseline). */
    private BigDecimal sameMonthsLastYearSales = BigDecimal.ZERO;
    /** How far the last 3 months fell below the same months last year, in % (0 when they rose). */
    private BigDecimal seasonalDropPercent = BigDecimal.ZERO;
    /** Median of the monthly sales of the last 24 months. */
    private BigDecimal medianMonthlySales = BigDecimal.ZERO;
    /** Median absolute deviation of those monthly sales. */
    private BigDecimal madMonthlySales = BigDecimal.ZERO;
    /** Modified z-score of the last month: 0.6745 x (x - median) / MAD (0 when MAD is 0). */
    private BigDecimal robustZ = BigDecimal.ZERO;
    /** This customer's share of all customers' sales of the last 12 months, in %. */
    private BigDecimal salesSharePercent = BigDecimal.ZERO;
    /** Unpaid part of all invoices. */
    private BigDecimal openReceivables = BigDecimal.ZERO;
    /** Unpaid, not yet due. */
    private BigDecimal notDueAmount = BigDecimal.ZERO;
    /** Unpaid, 1-30 days past due. */
    private BigDecimal overdue1To30 = BigDecimal.ZERO;
    /** Unpaid, 31-60 days past due. */
    private BigDecimal overdue31To60 = BigDecimal.ZERO;
    /** Unpaid, 61-90 days past due. */
    private BigDecimal overdue61To90 = BigDecimal.ZERO;
    /** Unpaid, more than 90 days past due. */
    private BigDecimal overdueOver90 = BigDecimal.ZERO;
    /** Unpaid and past due. */
    private BigDecimal overdueAmount = BigDecimal.ZERO;
    /** Days past due of the oldest unpaid overdue invoice. */
    private int oldestOverdueDays;
    /** Approved, not invoiced orders within the horizon. */
    private BigDecimal openOrders = BigDecimal.ZERO;
    /** OpenReceivables + openOrders. */
    private BigDecimal totalExposure = BigDecimal.ZERO;
    /** TotalExposure against the previous credit limit, in % (9,999.9999 with a zero limit). */
    private BigDecimal utilizationPercent = BigDecimal.ZERO;
    /** Invoiced in the last 12 months. */
    private BigDecimal creditSales12m = BigDecimal.ZERO;
    /** Days sales outstanding: receivables / credit sales x 365. */
    private BigDecimal dsoDays = BigDecimal.ZERO;
    /** Invoices due in the last 12 months. */
    private int invoicesDue;
    /** Share of those paid in full by the due date, in %. */
    private BigDecimal onTimePercent = new BigDecimal("100");
    /** Average days late of invoices due in the last 6 months. */
    private BigDecimal averageDaysLate = BigDecimal.ZERO;
    /** The same for the 6 months before. */
    private BigDecimal averageDaysLatePrevious = BigDecimal.ZERO;
    /** AverageDaysLate - averageDaysLatePrevious (0 when there was no earlier period). */
    private BigDecimal daysLateIncrease = BigDecimal.ZERO;
    /** Largest order placed in the last 30 days (any status but cancelled). */
    private BigDecimal largestRecentOrder = BigDecimal.ZERO;
    /** The customer's typical order: the median invoice amount of the last 12 months. */
    private BigDecimal typicalOrder = BigDecimal.ZERO;
    /** The 90th percentile of the invoices issued in the last 12 months: the customer's own large order. */
    private BigDecimal largeOrder = BigDecimal.ZERO;
    /** Invoices issued in the last 12 months. */
    private int invoicesIssued12m;
    /**
     * LargestRecentOrder / largeOrder: an order beyond what this customer's own order sizes explain (0 without a
     * recent order or with fewer than 6 invoices in 12 months, too few to know its order sizes).
     */
    private BigDecimal orderSpikeRatio = BigDecimal.ZERO;
    /** How far the industry's market index fell against the same month last year, in %. */
    private BigDecimal industryIndexDropPercent = BigDecimal.ZERO;

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
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
    public String getPreviousRiskClass() { return previousRiskClass; }
    public void setPreviousRiskClass(String previousRiskClass) { this.previousRiskClass = previousRiskClass; }
    public BigDecimal getPreviousCreditLimit() { return previousCreditLimit; }
    public void setPreviousCreditLimit(BigDecimal previousCreditLimit) { this.previousCreditLimit = previousCreditLimit; }
    public int getPreviousPaymentTermsDays() { return previousPaymentTermsDays; }
    public void setPreviousPaymentTermsDays(int days) { this.previousPaymentTermsDays = days; }
    public boolean isPreviousPrepaymentRequired() { return previousPrepaymentRequired; }
    public void setPreviousPrepaymentRequired(boolean required) { this.previousPrepaymentRequired = required; }
    public Integer getPreviousScore() { return previousScore; }
    public void setPreviousScore(Integer previousScore) { this.previousScore = previousScore; }
    public int getScore() { return score; }
    public void setScore(int score) { this.score = score; }
    public String getRiskClass() { return riskClass; }
    public void setRiskClass(String riskClass) { this.riskClass = riskClass; }
    public int getMonthsOfHistory() { return monthsOfHistory; }
    public void setMonthsOfHistory(int monthsOfHistory) { this.monthsOfHistory = monthsOfHistory; }
    /** Months from the first month with sales (within the last 24) to the last full month, counting both; 0 without sales. */
    public int getAccountAgeMonths() { return accountAgeMonths; }
    public int getPurchaseMonths() { return purchaseMonths; }
    public void setPurchaseMonths(int purchaseMonths) { this.purchaseMonths = purchaseMonths; }
    public int getMonthsSinceLastPurchase() { return monthsSinceLastPurchase; }
    public void setMonthsSinceLastPurchase(int monthsSinceLastPurchase) { this.monthsSinceLastPurchase = monthsSinceLastPurchase; }
    public BigDecimal getUsualPurchaseIntervalMonths() { return usualPurchaseIntervalMonths; }
    public void setUsualPurchaseIntervalMonths(BigDecimal usualPurchaseIntervalMonths) { this.usualPurchaseIntervalMonths = usualPurchaseIntervalMonths; }
    public BigDecimal getPurchaseGapRatio() { return purchaseGapRatio; }
    public void setPurchaseGapRatio(BigDecimal purchaseGapRatio) { this.purchaseGapRatio = purchaseGapRatio; }
    public void setAccountAgeMonths(int accountAgeMonths) { this.accountAgeMonths = accountAgeMonths; }
    public BigDecimal getSales12m() { return sales12m; }
    public void setSales12m(BigDecimal sales12m) { this.sales12m = sales12m; }
    public BigDecimal getSalesPrevious12m() { return salesPrevious12m; }
    public void setSalesPrevious12m(BigDecimal salesPrevious12m) { this.salesPrevious12m = salesPrevious12m; }
    public BigDecimal getSalesTrendPercent() { return salesTrendPercent; }
    public void setSalesTrendPercent(BigDecimal salesTrendPercent) { this.salesTrendPercent = salesTrendPercent; }
    public BigDecimal getLastMonthSales() { return lastMonthSales; }
    public void setLastMonthSales(BigDecimal lastMonthSales) { this.lastMonthSales = lastMonthSales; }
    public BigDecimal getPreviousMonthSales() { return previousMonthSales; }
    public void setPreviousMonthSales(BigDecimal previousMonthSales) { this.previousMonthSales = previousMonthSales; }
    public BigDecimal getMonthOverMonthDropPercent() { return monthOverMonthDropPercent; }
    public void setMonthOverMonthDropPercent(BigDecimal monthOverMonthDropPercent) { this.monthOverMonthDropPercent = monthOverMonthDropPercent; }
    public BigDecimal getLast3MonthsSales() { return last3MonthsSales; }
    public void setLast3MonthsSales(BigDecimal last3MonthsSales) { this.last3MonthsSales = last3MonthsSales; }
    public BigDecimal getSameMonthsLastYearSales() { return sameMonthsLastYearSales; }
    public void setSameMonthsLastYearSales(BigDecimal sameMonthsLastYearSales) { this.sameMonthsLastYearSales = sameMonthsLastYearSales; }
    public BigDecimal getSeasonalDropPercent() { return seasonalDropPercent; }
    public void setSeasonalDropPercent(BigDecimal seasonalDropPercent) { this.seasonalDropPercent = seasonalDropPercent; }
    public BigDecimal getMedianMonthlySales() { return medianMonthlySales; }
    public void setMedianMonthlySales(BigDecimal medianMonthlySales) { this.medianMonthlySales = medianMonthlySales; }
    public BigDecimal getMadMonthlySales() { return madMonthlySales; }
    public void setMadMonthlySales(BigDecimal madMonthlySales) { this.madMonthlySales = madMonthlySales; }
    public BigDecimal getRobustZ() { return robustZ; }
    public void setRobustZ(BigDecimal robustZ) { this.robustZ = robustZ; }
    public BigDecimal getSalesSharePercent() { return salesSharePercent; }
    public void setSalesSharePercent(BigDecimal salesSharePercent) { this.salesSharePercent = salesSharePercent; }
    public BigDecimal getOpenReceivables() { return openReceivables; }
    public void setOpenReceivables(BigDecimal openReceivables) { this.openReceivables = openReceivables; }
    public BigDecimal getNotDueAmount() { return notDueAmount; }
    public void setNotDueAmount(BigDecimal notDueAmount) { this.notDueAmount = notDueAmount; }
    public BigDecimal getOverdue1To30() { return overdue1To30; }
    public void setOverdue1To30(BigDecimal overdue1To30) { this.overdue1To30 = overdue1To30; }
    public BigDecimal getOverdue31To60() { return overdue31To60; }
    public void setOverdue31To60(BigDecimal overdue31To60) { this.overdue31To60 = overdue31To60; }
    public BigDecimal getOverdue61To90() { return overdue61To90; }
    public void setOverdue61To90(BigDecimal overdue61To90) { this.overdue61To90 = overdue61To90; }
    public BigDecimal getOverdueOver90() { return overdueOver90; }
    public void setOverdueOver90(BigDecimal overdueOver90) { this.overdueOver90 = overdueOver90; }
    public BigDecimal getOverdueAmount() { return overdueAmount; }
    public void setOverdueAmount(BigDecimal overdueAmount) { this.overdueAmount = overdueAmount; }
    public int getOldestOverdueDays() { return oldestOverdueDays; }
    public void setOldestOverdueDays(int oldestOverdueDays) { this.oldestOverdueDays = oldestOverdueDays; }
    public BigDecimal getOpenOrders() { return openOrders; }
    public void setOpenOrders(BigDecimal openOrders) { this.openOrders = openOrders; }
    public BigDecimal getTotalExposure() { return totalExposure; }
    public void setTotalExposure(BigDecimal totalExposure) { this.totalExposure = totalExposure; }
    public BigDecimal getUtilizationPercent() { return utilizationPercent; }
    public void setUtilizationPercent(BigDecimal utilizationPercent) { this.utilizationPercent = utilizationPercent; }
    public BigDecimal getCreditSales12m() { return creditSales12m; }
    public void setCreditSales12m(BigDecimal creditSales12m) { this.creditSales12m = creditSales12m; }
    public BigDecimal getDsoDays() { return dsoDays; }
    public void setDsoDays(BigDecimal dsoDays) { this.dsoDays = dsoDays; }
    public int getInvoicesDue() { return invoicesDue; }
    public void setInvoicesDue(int invoicesDue) { this.invoicesDue = invoicesDue; }
    public BigDecimal getOnTimePercent() { return onTimePercent; }
    public void setOnTimePercent(BigDecimal onTimePercent) { this.onTimePercent = onTimePercent; }
    public BigDecimal getAverageDaysLate() { return averageDaysLate; }
    public void setAverageDaysLate(BigDecimal averageDaysLate) { this.averageDaysLate = averageDaysLate; }
    public BigDecimal getAverageDaysLatePrevious() { return averageDaysLatePrevious; }
    public void setAverageDaysLatePrevious(BigDecimal averageDaysLatePrevious) { this.averageDaysLatePrevious = averageDaysLatePrevious; }
    public BigDecimal getDaysLateIncrease() { return daysLateIncrease; }
    public void setDaysLateIncrease(BigDecimal daysLateIncrease) { this.daysLateIncrease = daysLateIncrease; }
    public BigDecimal getLargestRecentOrder() { return largestRecentOrder; }
    public void setLargestRecentOrder(BigDecimal largestRecentOrder) { this.largestRecentOrder = largestRecentOrder; }
    public BigDecimal getTypicalOrder() { return typicalOrder; }
    public void setTypicalOrder(BigDecimal typicalOrder) { this.typicalOrder = typicalOrder; }
    public BigDecimal getLargeOrder() { return largeOrder; }
    public void setLargeOrder(BigDecimal largeOrder) { this.largeOrder = largeOrder; }
    public int getInvoicesIssued12m() { return invoicesIssued12m; }
    public void setInvoicesIssued12m(int invoicesIssued12m) { this.invoicesIssued12m = invoicesIssued12m; }
    public BigDecimal getOrderSpikeRatio() { return orderSpikeRatio; }
    public void setOrderSpikeRatio(BigDecimal orderSpikeRatio) { this.orderSpikeRatio = orderSpikeRatio; }
    public BigDecimal getIndustryIndexDropPercent() { return industryIndexDropPercent; }
    public void setIndustryIndexDropPercent(BigDecimal industryIndexDropPercent) { this.industryIndexDropPercent = industryIndexDropPercent; }
}
