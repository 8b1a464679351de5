package io.salesrisk.reevaluation.run;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.MarketFigures;
import io.salesrisk.facts.PortfolioFigures;
import io.salesrisk.facts.RaisedRisks;
import io.salesrisk.facts.SegmentFigures;
import io.salesrisk.reevaluation.profile.ProfileDerivation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The portfolio-level step of a run without its writes: sums the customers' statistics into segment, portfolio and
 * market figures and runs the contingency triggers over them. Pure (no database): a run's finishing step feeds it the
 * chunks' stored statistics, a drill the statistics it summed in memory, so both judge the same figures the same way.
 */
public final class PortfolioTriggers {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /**
     * What the triggers saw and raised.
     *
     * @param failure   null when the trigger rules ran to the end; else why not (nothing raised then proves anything)
     * @param portfolio null when the scope did not cover the whole portfolio
     */
    public record Outcome(RaisedRisks raised, String failure, RunFinisher.PortfolioView portfolio,
                          List<RunFinisher.SegmentView> segments, List<RunFinisher.MarketView> markets) {
    }

    private PortfolioTriggers() {
    }

    /** Builds the figures the scope covers from the summed statistics and runs the trigger rules over them. */
    public static Outcome evaluate(ChunkStats total, RunScope scope, RunConstants constants, CompiledRuleSet rules) {
        RaisedRisks raised = new RaisedRisks();
        List<Object> facts = new ArrayList<>();
        RunFinisher.PortfolioView portfolio = null;
        List<RunFinisher.SegmentView> segmentViews = new ArrayList<>();
        ChunkStats.SegmentTotals all = new ChunkStats.SegmentTotals();
        for (Map.Entry<String, ChunkStats.SegmentTotals> entry : total.segments().entrySet()) {
            all.merge(entry.getValue());
            if (scope.coversSegment(entry.getKey())) {
                SegmentFigures segment = segmentFigures(raised, entry.getKey(), entry.getValue());
                facts.add(segment);
                segmentViews.add(new RunFinisher.SegmentView(segment.getSegment(), segment.getCustomers(),
                        segment.getExposure(), segment.getExposureClassDEPercent(), segment.getOverdueRatioPercent(),
                        segment.getSalesDropPercent()));
            }
        }
        if (scope.coversPortfolio()) {
            PortfolioFigures figures = portfolioFigures(raised, all);
            facts.add(figures);
            portfolio = new RunFinisher.PortfolioView(figures.getCustomers(), figures.getTotalExposure(),
                    figures.getExposureClassDEPercent(), figures.getOverdueRatioPercent(), figures.getSalesDropPercent());
        }
        List<RunFinisher.MarketView> marketViews = new ArrayList<>();
        constants.industries().forEach((industry, index) -> {
            MarketFigures market = new MarketFigures(raised);
            market.setIndustry(industry);
            market.setLatestIndex(index.latest());
            market.setIndexDropPercent(index.dropPercent());
            facts.add(market);
            marketViews.add(new RunFinisher.MarketView(industry, index.latest(), index.dropPercent()));
        });
        String failure = null;
        if (!facts.isEmpty()) {
            RuleRun triggers = rules.run(facts, raised);
            failure = triggers.failure();
        }
        return new Outcome(raised, failure, portfolio, segmentViews, marketViews);
    }

    private static SegmentFigures segmentFigures(RaisedRisks raised, String name, ChunkStats.SegmentTotals totals) {
        SegmentFigures segment = new SegmentFigures(raised);
        segment.setSegment(name);
        segment.setCustomers(totals.customers);
        segment.setExposure(totals.exposure);
        segment.setExposureClassDEPercent(percent(totals.exposureClassDE, totals.exposure));
        segment.setOverdueRatioPercent(percent(totals.overdue, totals.receivables));
        segment.setSalesDropPercent(ProfileDerivation.drop(totals.last3MonthsSales, totals.sameMonthsLastYearSales));
        return segment;
    }

    private static PortfolioFigures portfolioFigures(RaisedRisks raised, ChunkStats.SegmentTotals all) {
        PortfolioFigures figures = new PortfolioFigures(raised);
        figures.setCustomers(all.customers);
        figures.setTotalExposure(all.exposure);
        figures.setExposureClassDEPercent(percent(all.exposureClassDE, all.exposure));
        figures.setOverdueRatioPercent(percent(all.overdue, all.receivables));
        figures.setSalesDropPercent(ProfileDerivation.drop(all.last3MonthsSales, all.sameMonthsLastYearSales));
        return figures;
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() <= 0 ? BigDecimal.ZERO : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
