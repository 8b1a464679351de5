package io.salesrisk.backtest.persistence;

import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The one writer of {@code backtests}: a backtest, its progress and its report (JSON), each write committed at once. */
@ApplicationScoped
public class BacktestRepository {

    /** A stored backtest; {@code report} is its JSON, null until it completed. */
    public record StoredBacktest(UUID id, String rulesetVersion, LocalDate asOf, int horizonMonths, String scope,
                                 String status,
                                 String requestedBy, int customersTotal, int customersDone, OffsetDateTime createdAt,
                                 OffsetDateTime finishedAt, String error, String report) {
    }

    private static final String COLUMNS = "id, ruleset_version, as_of, horizon_months, scope, status, requested_by, "
            + "customers_total, customers_done, created_at, finished_at, error";

    private final Jdbc jdbc;

    public BacktestRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void insert(UUID id, String version, LocalDate asOf, int horizonMonths, String scope, String requestedBy,
                       int customers, OffsetDateTime at) {
        jdbc.write(sql -> sql.update("INSERT INTO backtests (id, ruleset_version, as_of, horizon_months, scope, status,"
                + " requested_by, customers_total, customers_done, created_at, progress_at)"
                + " VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?, 0, ?, ?)",
                id, version, asOf, horizonMonths, scope, requestedBy, customers, at, at));
    }

    @Transactional
    public void progress(UUID id, int customersDone, OffsetDateTime at) {
        jdbc.write(sql -> sql.update("UPDATE backtests SET customers_done = ?, progress_at = ? WHERE id = ? AND status = 'RUNNING'",
                customersDone, at, id));
    }

    /**
     * Marks FAILED the backtests RUNNING without progress since {@code before}: their instance stopped (a backtest
     * lives on one instance's thread), and they would otherwise show RUNNING for ever.
     */
    @Transactional
    public int failStalled(OffsetDateTime before, OffsetDateTime at) {
        List<Object[]> stalled = jdbc.read(sql -> sql.list("SELECT id, progress_at FROM backtests WHERE status = 'RUNNING'"
                + " AND progress_at < ?", List.of(before), row -> new Object[]{row.getObject("id", UUID.class),
                row.getObject("progress_at", OffsetDateTime.class)}));
        int failed = 0;
        for (Object[] backtest : stalled) {
            failed += jdbc.write(sql -> sql.update("UPDATE backtests SET status = 'FAILED', finished_at = ?, error = ?"
                    + " WHERE id = ? AND status = 'RUNNING' AND progress_at = ?", at, "no progress since " + backtest[1]
                    + ": the instance running it stopped; start the backtest again", backtest[0], backtest[1]));
        }
        return failed;
    }

    @Transactional
    public void complete(UUID id, int customersDone, String reportJson, OffsetDateTime at) {
        jdbc.write(sql -> sql.update("UPDATE backtests SET status = 'COMPLETED', customers_done = ?, finished_at = ?, report = "
                + jdbc.dialect().jsonParameter() + " WHERE id = ?", customersDone, at, reportJson, id));
    }

    @Transactional
    public void fail(UUID id, String error, OffsetDateTime at) {
        String message = error.length() > 2000 ? error.substring(0, 1997) + "..." : error;
        jdbc.write(sql -> sql.update("UPDATE backtests SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ?",
                at, message, id));
    }

    public Optional<StoredBacktest> find(UUID id) {
        return jdbc.read(sql -> sql.first("SELECT " + COLUMNS + ", report FROM backtests WHERE id = ?", List.of(id),
                row -> read(row, true)));
    }

    /** The newest backtests first, without their reports. */
    public List<StoredBacktest> latest(int limit) {
        return jdbc.read(sql -> sql.list("SELECT " + COLUMNS + " FROM backtests ORDER BY created_at DESC, id DESC LIMIT ?",
                List.of(limit), row -> read(row, false)));
    }

    private static StoredBacktest read(ResultSet row, boolean withReport) throws SQLException {
        return new StoredBacktest(row.getObject("id", UUID.class), row.getString("ruleset_version"),
                row.getObject("as_of", LocalDate.class), row.getInt("horizon_months"), row.getString("scope"), row.getString("status"),
                row.getString("requested_by"), row.getInt("customers_total"), row.getInt("customers_done"),
                row.getObject("created_at", OffsetDateTime.class), row.getObject("finished_at", OffsetDateTime.class),
                row.getString("error"), withReport ? row.getString("report") : null);
    }
}
