package io.salesrisk.reevaluation.run;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.math.BigDecimal;
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
