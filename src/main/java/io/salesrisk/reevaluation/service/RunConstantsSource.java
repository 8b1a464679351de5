package io.salesrisk.reevaluation.service;

import io.salesrisk.exposure.CreditConfig;
import io.salesrisk.reevaluation.config.ReevaluationConfig;
import io.salesrisk.reevaluation.profile.ProfileDerivation;
import io.salesrisk.reevaluation.profile.ProfileWindow;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.salesdata.persistence.MarketIndexRepository;
import io.salesrisk.salesdata.persistence.SalesHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixes the constants of an assessment as of a day (portfolio sales, market indices, limit policy): a run stores
 * them when it starts, a drill takes them the same way before it changes what its scenario changes.
 */
@ApplicationScoped
public class RunConstantsSource {

    private final SalesHistoryRepository sales;
    private final MarketIndexRepository indices;
    private final ReevaluationConfig config;
    private final CreditConfig creditConfig;

    public RunConstantsSource(SalesHistoryRepository sales, MarketIndexRepository indices, ReevaluationConfig config,
                              CreditConfig creditConfig) {
        this.sales = sales;
        this.indices = indices;
        this.config = config;
        this.creditConfig = creditConfig;
    }

    /** The constants of an assessment as of {@code asOf}, in the caller's transaction. */
    public RunConstants of(LocalDate asOf) {
        ProfileWindow window = new ProfileWindow(asOf, creditConfig.exposureHorizonDays(), creditConfig.paymentPeriodMonths());
        BigDecimal totalSales = sales.totalSales(window.month(12), window.month(1));
        Map<String, RunConstants.IndustryIndex> industries = new TreeMap<>();
        indices.latestUpTo(asOf).forEach((industry, index) -> industries.put(industry, new RunConstants.IndustryIndex(
                index.month(), index.latest(), index.yearBefore(),
                index.yearBefore() == null ? BigDecimal.ZERO : ProfileDerivation.drop(index.latest(), index.yearBefore()))));
        return new RunConstants(asOf, totalSales, industries, config.autoIncreasePercent(), config.limitRounding(),
                creditConfig.exposureHorizonDays(), creditConfig.paymentPeriodMonths());
    }
}
