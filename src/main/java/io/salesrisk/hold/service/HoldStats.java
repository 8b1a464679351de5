package io.salesrisk.hold.service;

import io.salesrisk.hold.persistence.HoldRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Held-order statistics for a period: the measures the process KPIs build on. */
@ApplicationScoped
public class HoldStats {

    /**
     * @param medianHoursToDecision from hold to an officer's release or rejection, of those decided in the period
     * @param overrideShareByRule   per holding rule: of its holds decided by officers in the period, the share released
     */
    public record Stats(OffsetDateTime from, OffsetDateTime to, int opened, int reholds, int released, int rejected,
                        int autoCleared, int cancelled, Double medianHoursToDecision, Double p90HoursToDecision,
                        Map<String, RuleStats> overrideShareByRule) {
    }

    public record RuleStats(int decided, int released, double overrideShare) {
    }

    private final HoldRepository holds;

    public HoldStats(HoldRepository holds) {
        this.holds = holds;
    }

    public Stats of(OffsetDateTime from, OffsetDateTime to) {
        int opened = 0;
        int reholds = 0;
        int released = 0;
        int rejected = 0;
        int cleared = 0;
        int cancelled = 0;
        List<Double> hours = new ArrayList<>();
        Map<String, int[]> byRule = new TreeMap<>();
        for (HoldRepository.PeriodRow row : holds.period(from, to)) {
            if (!row.openedAt().isBefore(from) && row.openedAt().isBefore(to)) {
                opened++;
                reholds += row.rehold() ? 1 : 0;
            }
            if (row.closedAt() == null || row.closedAt().isBefore(from) || !row.closedAt().isBefore(to)) {
                continue;
            }
            boolean decided = false;
            boolean wasReleased = false;
            switch (row.status()) {
                case "RELEASED" -> {
                    if ("AUTO_RELEASED".equals(row.resolutionCode())) {
                        cleared++;
                    } else {
                        released++;
                        decided = true;
                        wasReleased = true;
                    }
                }
                case "REJECTED" -> {
                    rejected++;
                    decided = true;
                }
                case "CLEARED" -> cleared++;
                case "CANCELLED" -> cancelled++;
                default -> { }
            }
            if (decided) {
                hours.add(Duration.between(row.openedAt(), row.closedAt()).toSeconds() / 3600.0);
                for (String rule : WorklistService.rules(row.holdingRules())) {
                    int[] counts = byRule.computeIfAbsent(rule, r -> new int[2]);
                    counts[0]++;
                    counts[1] += wasReleased ? 1 : 0;
                }
            }
        }
        Map<String, RuleStats> overrides = new TreeMap<>();
        byRule.forEach((rule, c) -> overrides.put(rule, new RuleStats(c[0], c[1], Math.round(1000.0 * c[1] / c[0]) / 1000.0)));
        hours.sort(Double::compare);
        return new Stats(from, to, opened, reholds, released, rejected, cleared, cancelled, percentile(hours, 0.5),
                percentile(hours, 0.9), overrides);
    }

    /** Nearest-rank percentile, in hours rounded to 0.01. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) * 100) / 100.0;
    }
}
