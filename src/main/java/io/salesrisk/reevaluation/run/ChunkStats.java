package io.salesrisk.reevaluation.run;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one chunk changed, stored with the chunk and summed over chunks for the run's summary and its portfolio
 * figures. Sums only, so the total does not depend on how customers were cut into chunks.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ChunkStats {

    /** Sums over the customers of one segment, for segment and portfolio triggers. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
    public static class SegmentTotals {
        int customers;
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal exposureClassDE = BigDecimal.ZERO;
        BigDecimal receivables = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal last3MonthsSales = BigDecimal.ZERO;
        BigDecimal sameMonthsLastYearSales = BigDecimal.ZERO;

        void merge(SegmentTotals other) {
            customers += other.customers;
            exposure = exposure.add(other.exposure);
            exposureClassDE = exposureClassDE.add(other.exposureClassDE);
            receivables = receivables.add(other.receivables);
            overdue = overdue.add(other.overdue);
            last3MonthsSales = last3MonthsSales.add(other.last3MonthsSales);
            sameMonthsLastYearSales = sameMonthsLastYearSales.add(other.sameMonthsLastYearSales);
        }
    }

    int assessed;
    int failed;
    int changed;
    /** "B->C": customers that moved from class B to C (unchanged classes as "B->B"). */
    Map<String, Integer> classTransitions = new TreeMap<>();
    int limitsIncreased;
    int limitsDecreased;
    int limitsProposed;
    int proposalsSuperseded;
    BigDecimal limitIncreaseTotal = BigDecimal.ZERO;
    BigDecimal limitDecreaseTotal = BigDecimal.ZERO;
    int termsChanged;
    int prepaymentRequired;
    int prepaymentChanged;
    /** Signals by type and severity. */
    Map<String, Map<String, Integer>> signals = new TreeMap<>();
    int alertsOpened;
    int alertsRepeated;
    int customerPlansActivated;
    int customerPlansEnded;
    Map<String, SegmentTotals> segments = new TreeMap<>();
    /** Total exposure of the assessed customers by their class after the run (the desk's share-by-class chart). */
    Map<String, BigDecimal> exposureByClass = new TreeMap<>();

    public void merge(ChunkStats other) {
        assessed += other.assessed;
        failed += other.failed;
        changed += other.changed;
        other.classTransitions.forEach((k, v) -> classTransitions.merge(k, v, Integer::sum));
        limitsIncreased += other.limitsIncreased;
        limitsDecreased += other.limitsDecreased;
        limitsProposed += other.limitsProposed;
        proposalsSuperseded += other.proposalsSuperseded;
        limitIncreaseTotal = limitIncreaseTotal.add(other.limitIncreaseTotal);
        limitDecreaseTotal = limitDecreaseTotal.add(other.limitDecreaseTotal);
        termsChanged += other.termsChanged;
        prepaymentRequired += other.prepaymentRequired;
        prepaymentChanged += other.prepaymentChanged;
        other.signals.forEach((type, bySeverity) -> bySeverity.forEach((severity, n) ->
                signals.computeIfAbsent(type, t -> new TreeMap<>()).merge(severity, n, Integer::sum)));
        alertsOpened += other.alertsOpened;
        alertsRepeated += other.alertsRepeated;
        customerPlansActivated += other.customerPlansActivated;
        customerPlansEnded += other.customerPlansEnded;
        other.segments.forEach((segment, totals) -> segments.computeIfAbsent(segment, s -> new SegmentTotals()).merge(totals));
        other.exposureByClass.forEach((riskClass, exposure) -> exposureByClass.merge(riskClass, exposure, BigDecimal::add));
    }

    /**
     * Counts what a chunk's assessments changed: class transitions, limits, terms, prepayment, and the segment sums
     * the finishing step's triggers read.
     *
     * @param weakClasses the risk classes whose exposure counts as weak ({@code exposureClassDE})
     */
    public void count(List<CustomerAssessment> kept, int changedCount, int failedCount, Set<String> weakClasses) {
        assessed = kept.size();
        failed = failedCount;
        changed = changedCount;
        for (CustomerAssessment a : kept) {
            classTransitions.merge(a.classBefore() + "->" + a.classAfter(), 1, Integer::sum);
            int limit = a.limitAfter().compareTo(a.limitBefore());
            if (limit > 0) {
                limitsIncreased++;
                limitIncreaseTotal = limitIncreaseTotal.add(a.limitAfter().subtract(a.limitBefore()));
            } else if (limit < 0) {
                limitsDecreased++;
                limitDecreaseTotal = limitDecreaseTotal.add(a.limitBefore().subtract(a.limitAfter()));
            }
            if (a.termsAfter() != a.termsBefore()) {
                termsChanged++;
            }
            if (a.prepaymentAfter()) {
                prepaymentRequired++;
            }
            if (a.prepaymentAfter() != a.prepaymentBefore()) {
                prepaymentChanged++;
            }
            CustomerProfile p = a.profile();
            SegmentTotals totals = segments.computeIfAbsent(p.getSegment(), s -> new SegmentTotals());
            totals.customers++;
            totals.exposure = totals.exposure.add(p.getTotalExposure());
            exposureByClass.merge(a.classAfter(), p.getTotalExposure(), BigDecimal::add);
            if (weakClasses.contains(a.classAfter())) {
                totals.exposureClassDE = totals.exposureClassDE.add(p.getTotalExposure());
            }
            totals.receivables = totals.receivables.add(p.getOpenReceivables());
            totals.overdue = totals.overdue.add(p.getOverdueAmount());
            totals.last3MonthsSales = totals.last3MonthsSales.add(p.getLast3MonthsSales());
            totals.sameMonthsLastYearSales = totals.sameMonthsLastYearSales.add(p.getSameMonthsLastYearSales());
        }
    }

    /** Counts a signal of this type and severity. */
    public void signal(String type, String severity) {
        signals.computeIfAbsent(type, t -> new TreeMap<>()).merge(severity, 1, Integer::sum);
    }

    /** Signals by type and severity. */
    public Map<String, Map<String, Integer>> signals() {
        return signals;
    }

    public Map<String, BigDecimal> exposureByClass() {
        return exposureByClass;
    }

    public int assessed() {
        return assessed;
    }

    public int failed() {
        return failed;
    }

    public Map<String, SegmentTotals> segments() {
        return segments;
    }
}
