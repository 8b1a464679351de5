package io.salesrisk.hold.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one owner of {@code holds} and {@code hold_actions}. Actions go through Panache with the hold row locked; the
 * worklist and its counts are SQL over the open holds (WorklistBenchmark: a page with its counts among 100,000 open
 * and 1,000,000 closed holds), read straight off the {@code (is_open, opened_at)} index.
 */
@ApplicationScoped
public class HoldRepository implements PanacheRepositoryBase<HoldEntity, UUID> {

    /** Sort keys of the worklist and their columns. */
    public enum Sort {
        AGE("opened_at"), AMOUNT("amount"), OVER_LIMIT("amount_over_limit");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** One row of the worklist, as stored. */
    public record WorklistRow(UUID id, String orderId, String status, String customerId, String customerName,
                              String segment, String region, String riskClass, String salesRep, UUID decisionId,
                              String outcome, String holdingRules, String reasons, BigDecimal amount, BigDecimal exposure,
                              BigDecimal creditLimit, BigDecimal amountOverLimit, OffsetDateTime openedAt,
                              String assignedTo, LocalDate followUpDate, boolean readyToRelease, String readyNote,
                              String firstApprover, boolean rehold) {
    }

    /** Open holds per combination of holding rules, in all and per age band. */
    public record CountRow(String holdingRules, long count, long upToOneDay, long oneToThreeDays, long threeToSevenDays) {

        public long overSevenDays() {
            return count - upToOneDay - oneToThreeDays - threeToSevenDays;
        }
    }

    public static final List<String> AGE_BANDS = List.of("0-1d", "1-3d", "3-7d", "over 7d");

    private final Jdbc jdbc;

    public HoldRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The open hold of an order, row-locked: two officers acting on it take turns. */
    public Optional<HoldEntity> openForUpdate(String orderId) {
        return find("openOrderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The order's newest hold, open or not. */
    public Optional<HoldEntity> latest(String orderId) {
        return find("orderId = ?1 order by openedAt desc", orderId).firstResultOptional();
    }

    /** Every hold of an order, oldest first. */
    public List<HoldEntity> forOrder(String orderId) {
        return list("orderId = ?1 order by openedAt", orderId);
    }

    /** The order's last release still valid on {@code today}. */
    public Optional<HoldEntity> validRelease(String orderId, LocalDate today) {
        return find("orderId = ?1 and status = ?2 and (releaseValidUntil is null or releaseValidUntil >= ?3) "
                + "order by closedAt desc", orderId, HoldStatus.RELEASED, today).firstResultOptional();
    }

    /** Released holds whose validity ran out before {@code today} and that were not put back yet. */
    public List<HoldEntity> expiredReleases(LocalDate today, int max) {
        return find("status = ?1 and expiryHandled = false and releaseValidUntil < ?2", HoldStatus.RELEASED, today)
                .page(0, max).list();
    }

    public void addAction(HoldActionEntity action) {
        getEntityManager().persist(action);
    }

    /** The audit trail of an order's holds, oldest first. */
    public List<HoldActionEntity> actionsForOrder(String orderId) {
        return getEntityManager().createQuery("from HoldActionEntity a where a.orderId = :order order by a.actedAt, a.id",
                HoldActionEntity.class).setParameter("order", orderId).getResultList();
    }

    /** Open holds by outcome, for the gauges. */
    public Map<String, Long> openByOutcome() {
        Map<String, Long> counts = new LinkedHashMap<>();
        getEntityManager().createQuery("select h.outcome, count(h) from HoldEntity h where h.isOpen = true group by h.outcome",
                Object[].class).getResultList().forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return counts;
    }

    /** The ids of the open holds' orders that pass the filter, oldest first (a background recheck's selection). */
    public List<String> openOrderIds(WorklistFilter filter, int max) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        parameters.add(max);
        return jdbc.read(sql -> sql.list("SELECT order_id FROM holds WHERE " + where + " ORDER BY opened_at LIMIT ?",
                parameters, row -> row.getString(1)));
    }

    /** A page of open holds. */
    public List<WorklistRow> page(WorklistFilter filter, Sort sort, boolean descending, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        parameters.add(limit);
        parameters.add(offset);
        String order = sort.column + (descending ? " DESC" : " ASC") + ", id";
        return jdbc.read(sql -> sql.list("""
                SELECT id, order_id, status, customer_id, customer_name, segment, region, risk_class, sales_rep,
                  decision_id, outcome, holding_rules, reasons, amount, exposure, credit_limit, amount_over_limit, opened_at,
                  assigned_to, follow_up_date, ready_to_release, ready_note, first_approver, rehold
                FROM holds WHERE\s""" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?", parameters,
                row -> new WorklistRow(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getObject(10, UUID.class), row.getString(11), row.getString(12), row.getString(13),
                        row.getBigDecimal(14), row.getBigDecimal(15), row.getBigDecimal(16), row.getBigDecimal(17),
                        row.getObject(18, OffsetDateTime.class), row.getString(19),
                        row.getObject(20, LocalDate.class), row.getBoolean(21), row.getString(22), row.getString(23),
                        row.getBoolean(24))));
    }

    /**
     * Counts of the open holds that pass the filter, per combination of holding rules, with the age bands summed in
     * the same scan. Without other filters it reads only the counts index.
     */
    public List<CountRow> counts(WorklistFilter filter, OffsetDateTime now) {
        OffsetDateTime oneDay = now.minusDays(1);
        OffsetDateTime threeDays = now.minusDays(3);
        OffsetDateTime sevenDays = now.minusDays(7);
        List<Object> parameters = new ArrayList<>(List.of(oneDay, oneDay, threeDays, threeDays, sevenDays));
        String where = where(filter, parameters);
        return jdbc.read(sql -> sql.list("""
                SELECT holding_rules, COUNT(*),
                  SUM(CASE WHEN opened_at > ? THEN 1 ELSE 0 END),
                  SUM(CASE WHEN opened_at <= ? AND opened_at > ? THEN 1 ELSE 0 END),
                  SUM(CASE WHEN opened_at <= ? AND opened_at > ? THEN 1 ELSE 0 END)
                FROM holds WHERE\s""" + where + " GROUP BY holding_rules", parameters,
                row -> new CountRow(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5))));
    }

    private static String where(WorklistFilter f, List<Object> parameters) {
        StringBuilder where = new StringBuilder("is_open = TRUE");
        equal(where, parameters, "customer_id", f.customerId());
        equal(where, parameters, "outcome", f.outcome());
        equal(where, parameters, "status", f.status());
        equal(where, parameters, "segment", f.segment());
        equal(where, parameters, "region", f.region());
        equal(where, parameters, "risk_class", f.riskClass());
        equal(where, parameters, "sales_rep", f.salesRep());
        equal(where, parameters, "assigned_to", f.assignedTo());
        if (f.holdingRule() != null) {
            where.append(" AND holding_rules LIKE ?");
            parameters.add("%|" + f.holdingRule().replace("%", "").replace("_", "\\_") + "|%");
        }
        if (Boolean.TRUE.equals(f.followUpDue())) {
            where.append(" AND follow_up_date <= ?");
            parameters.add(f.today());
        }
        if (f.readyToRelease() != null) {
            where.append(" AND ready_to_release = ?");
            parameters.add(f.readyToRelease());
        }
        return where.toString();
    }

    private static void equal(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    /** Holds opened in a period, or closed in it, for the statistics: one row per hold. */
    public record PeriodRow(String holdingRules, String status, String resolutionCode, OffsetDateTime openedAt,
                            OffsetDateTime closedAt, String closedBy, boolean rehold) {
    }

    public List<PeriodRow> period(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.read(sql -> sql.list("""
                SELECT holding_rules, status, resolution_code, opened_at, closed_at, closed_by, rehold FROM holds
                WHERE (opened_at >= ? AND opened_at < ?) OR (closed_at >= ? AND closed_at < ?)""",
                List.of(from, to, from, to), row -> new PeriodRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class), row.getObject(5, OffsetDateTime.class), row.getString(6),
                        row.getBoolean(7))));
    }
}
