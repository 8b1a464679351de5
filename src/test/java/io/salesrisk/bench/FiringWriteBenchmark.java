package io.salesrisk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the per-rule firing rows cost the decision writer, without HTTP and the engine around it (which on a shared
 * machine drown it in noise): the stored decisions of an endpoint benchmark run ({@code bench.db}, e.g. after
 * {@code EndpointBenchmark}) are written again as the group-commit writer writes them, in transactions of
 * {@code bench.batch} (200) decisions with JDBC batches, once without and once with their firing rows, alternating for
 * {@code bench.rounds} (5) rounds; the copies are deleted after each round. Needs PostgreSQL on 127.0.0.1:5432.
 */
public final class FiringWriteBenchmark {

    private static final String DB = System.getProperty("bench.db", "salesrisk_bench");
    private static final int BATCH = Integer.getInteger("bench.batch", 200);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    record Decision(String orderId, String customerId, String outcome, String conditions, String reasons, String facts,
                    String firedRules, String version, OffsetDateTime at, String by, long micros, List<Firing> firings) {
    }

    record Firing(String rule, int times, String reaction, boolean decided) {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(BenchService.databaseUrl(DB), "postgres", "")) {
            List<Decision> decisions = load(c);
            long firings = decisions.stream().mapToLong(d -> d.firings().size()).sum();
            System.out.printf(Locale.ROOT, "%,d decisions with %,d firing rows (%.2f per decision), transactions of %d%n",
                    decisions.size(), firings, (double) firings / decisions.size(), BATCH);
            double without = 0;
            double with = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                double a = write(c, decisions, false);
                double b = write(c, decisions, true);
                System.out.printf(Locale.ROOT, "round %d: %,.0f decisions/s without firing rows, %,.0f with: %.2fx%n",
                        round, a, b, b / a);
                if (round > 1) { // the first round warms up the JIT and the buffer cache
                    without += a;
                    with += b;
                }
            }
            System.out.printf(Locale.ROOT, "RESULT decision writes with / without the per-rule firing rows: %.2fx throughput"
                    + " (mean of rounds 2-%d: %,.0f vs %,.0f decisions/s)%n", with / without, ROUNDS,
                    with / (ROUNDS - 1), without / (ROUNDS - 1));
        }
    }

    private static List<Decision> load(Connection c) throws SQLException {
        java.util.Map<UUID, List<Firing>> firings = new java.util.HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT decision_id, rule, times, reaction, decided FROM decision_rule_firings")) {
            while (rows.next()) {
                firings.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Firing(
                        rows.getString(2), rows.getInt(3), rows.getString(4), rows.getBoolean(5)));
            }
        }
        List<Decision> decisions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT id, order_id, customer_id, outcome,"
                + " conditions, reasons, facts, fired_rules, ruleset_version, evaluated_at, evaluated_by, engine_micros"
                + " FROM decisions ORDER BY evaluated_at")) {
            while (rows.next()) {
                decisions.add(new Decision(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getObject(10, OffsetDateTime.class), rows.getString(11), rows.getLong(12),
                        firings.getOrDefault(rows.getObject(1, UUID.class), List.of())));
            }
        }
        return decisions;
    }

    /** Writes every decision again under a new id, in transactions of BATCH; returns decisions per second. */
    private static double write(Connection c, List<Decision> decisions, boolean withFirings) throws SQLException {
        String marker = "bench-copy";
        c.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement d = c.prepareStatement("INSERT INTO decisions (id, order_id, customer_id, outcome, conditions,"
                + " reasons, facts, fired_rules, ruleset_version, evaluated_at, evaluated_by, engine_micros) VALUES (?, ?, ?, ?,"
                + " CAST(? AS json), CAST(? AS json), CAST(? AS json), CAST(? AS json), ?, ?, ?, ?)");
             PreparedStatement f = c.prepareStatement("INSERT INTO decision_rule_firings (decision_id, rule, ruleset_version,"
                     + " evaluated_at, order_id, customer_id, times, reaction, decided) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < decisions.size(); from += BATCH) {
                int firingRows = 0;
                for (Decision x : decisions.subList(from, Math.min(decisions.size(), from + BATCH))) {
                    UUID id = UUID.randomUUID();
                    d.setObject(1, id);
                    d.setString(2, x.orderId());
                    d.setString(3, x.customerId());
                    d.setString(4, x.outcome());
                    d.setString(5, x.conditions());
                    d.setString(6, x.reasons());
                    d.setString(7, x.facts());
                    d.setString(8, x.firedRules());
                    d.setString(9, x.version());
                    d.setObject(10, x.at());
                    d.setString(11, marker);
                    d.setLong(12, x.micros());
                    d.addBatch();
                    if (withFirings) {
                        for (Firing r : x.firings()) {
                            f.setObject(1, id);
                            f.setString(2, r.rule());
                            f.setString(3, x.version());
                            f.setObject(4, x.at());
                            f.setString(5, x.orderId());
                            f.setString(6, x.customerId());
                            f.setInt(7, r.times());
                            f.setString(8, r.reaction());
                            f.setBoolean(9, r.decided());
                            f.addBatch();
                            firingRows++;
                        }
                    }
                }
                d.executeBatch();
                if (firingRows > 0) {
                    f.executeBatch();
                }
                c.commit();
            }
        }
        double perSecond = decisions.size() / ((System.nanoTime() - start) / 1e9);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM decision_rule_firings WHERE decision_id IN (SELECT id FROM decisions WHERE evaluated_by = '" + marker + "')");
            s.executeUpdate("DELETE FROM decisions WHERE evaluated_by = '" + marker + "'");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE decisions");
            s.execute("VACUUM ANALYZE decision_rule_firings");
        }
        return perSecond;
    }
}
