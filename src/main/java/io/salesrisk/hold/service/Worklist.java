package io.salesrisk.hold.service;

import io.salesrisk.facts.Reason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A page of the worklist with the counts of every open hold that passes the same filters.
 *
 * @param total         open holds that pass the filters
 * @param byHoldingRule open holds per holding rule (a hold held by two rules counts under both)
 * @param byAge         open holds per age band: 0-1d, 1-3d, 3-7d, over 7d
 * @param countsAsOf    when the counts were taken (at most {@code salesrisk.holds.counts-max-age} ago; the rows are
 *                      always current)
 */
public record Worklist(long total, int page, int size, String sort, List<Row> rows, Map<String, Long> byHoldingRule,
                       Map<String, Long> byAge, OffsetDateTime countsAsOf) {

    /**
     * One held order with what an officer decides on.
     *
     * @param approvesWith the smallest changes the rules would approve ("approves at or below 41,500.00"), empty
     *                     when none does
     */
    public record Row(String orderId, String holdId, String status, String outcome, String customerId,
                      String customerName, String segment, String region, String riskClass, String salesRep,
                      BigDecimal amount, BigDecimal exposure, BigDecimal creditLimit, BigDecimal amountOverLimit,
                      OffsetDateTime openedAt, double ageDays, List<String> holdingRules, List<Reason> reasons,
                      List<String> approvesWith, String assignedTo, LocalDate followUpDate, boolean readyToRelease,
                      String readyNote, String pendingSecondApprovalAfter, boolean rehold, String decisionId) {
    }
}
