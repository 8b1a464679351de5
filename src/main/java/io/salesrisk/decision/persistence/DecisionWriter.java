package io.salesrisk.decision.persistence;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.salesrisk.common.persistence.SqlDialect;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stores evaluated orders and their decisions with group commit: a few writer threads each take whatever
 * evaluations are waiting (up to {@code max-batch}), write them with JDBC batches in one transaction and only then
 * complete them, so a caller's answer always follows the commit of its order and decision. While one batch commits
 * the next one fills up, so batches grow with load and a full audit trail costs a fraction of a round trip per order.
 * If a batch fails (e.g. two evaluations of the same new order raced), each evaluation is retried in a transaction
 * of its own, so one bad write never fails the others.
 */
@ApplicationScoped
public class DecisionWriter {

    private static final String INSERT_ORDER = """
            INSERT INTO sales_orders (customer_id, amount, currency, original_amount, order_date, payment_terms_days,
              discount_percent, contract_signed, sales_rep, requested_delivery_date, status, last_decision_id, updated_at, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE_ORDER = """
            UPDATE sales_orders SET customer_id = ?, amount = ?, currency = ?, original_amount = ?, order_date = ?,
              payment_terms_days = ?, discount_percent = ?, contract_signed = ?, sales_rep = ?, requested_delivery_date = ?,
              status = ?, last_decision_id = ?, updated_at = ? WHERE id = ?""";

    private final AgroalDataSource dataSource;
    private final DecisionWriterConfig config;
    private final String insertDecision;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSizes;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    private record Pending(EvaluationWrite write, CompletableFuture<Void> done) {
    }

    public DecisionWriter(AgroalDataSource dataSource, DecisionWriterConfig config, SqlDialect dialect, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        String json = dialect.jsonParameter();
        this.insertDecision = """
                INSERT INTO decisions (id, order_id, customer_id, outcome, conditions, reasons, facts, fired_rules,
                  ruleset_version, evaluated_at, evaluated_by, engine_micros)
                VALUES (?, ?, ?, ?, %s, %s, %s, %s, ?, ?, ?, ?)""".formatted(json, json, json, json);
        this.queue = new LinkedBlockingQueue<>(config.queueCapacity());
        this.batchSizes = DistributionSummary.builder("salesrisk.decisions.batch.size")
                .description("evaluations written per transaction").register(registry);
        for (int i = 0; i < config.threads(); i++) {
            Thread writer = new Thread(this::run, "decision-writer-" + i);
            writer.setDaemon(true);
            writer.setContextClassLoader(DecisionWriter.class.getClassLoader());
            writer.start();
            writers.add(writer);
        }
    }

    /** Queues the rows; the future completes once they are committed, or fails with the cause. */
    public CompletableFuture<Void> write(EvaluationWrite write) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(write, done))) {
            done.completeExceptionally(new IllegalStateException("the decision store is saturated; retry shortly"));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(config.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.maxBatch() - 1);
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
                Log.error("decision writer failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void flush(List<Pending> batch) {
        batchSizes.record(batch.size());
        try {
            writeInOneTransaction(batch, false);
            batch.forEach(p -> p.done().complete(null));
        } catch (SQLException batchFailure) {
            Log.debugf("batch of %d failed (%s); writing one by one", batch.size(), batchFailure.getMessage());
            for (Pending pending : batch) {
                try {
                    writeInOneTransaction(List.of(pending), true);
                    pending.done().complete(null);
                } catch (SQLException e) {
                    pending.done().completeExceptionally(new IllegalStateException("storing the decision failed", e));
                }
            }
        }
    }

    /** @param recheck look each order up again under a row lock instead of trusting what the evaluation read */
    private void writeInOneTransaction(List<Pending> batch, boolean recheck) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                writeRows(connection, batch, recheck);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void writeRows(Connection connection, List<Pending> batch, boolean recheck) throws SQLException {
        List<EvaluationWrite.OrderRow> inserts = new ArrayList<>();
        List<EvaluationWrite.OrderRow> updates = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Pending pending : batch) {
            EvaluationWrite.OrderRow order = pending.write().order();
            boolean exists = recheck ? exists(connection, order.id()) : order.existed() || present.contains(order.id());
            (exists ? updates : inserts).add(order);
            present.add(order.id());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER);
             PreparedStatement update = connection.prepareStatement(UPDATE_ORDER);
             PreparedStatement decision = connection.prepareStatement(insertDecision)) {
            for (EvaluationWrite.OrderRow order : inserts) {
                bindOrder(insert, order);
                insert.addBatch();
            }
            for (EvaluationWrite.OrderRow order : updates) {
                bindOrder(update, order);
                update.addBatch();
            }
            for (Pending pending : batch) {
                bindDecision(decision, pending.write().decision());
                decision.addBatch();
            }
            if (!inserts.isEmpty()) {
                insert.executeBatch();
            }
            if (!updates.isEmpty()) {
                update.executeBatch();
            }
            decision.executeBatch();
        }
    }

    /** Used when retrying alone: the row may have appeared since the evaluation read. */
    private static boolean exists(Connection connection, String orderId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM sales_orders WHERE id = ? FOR UPDATE")) {
            select.setString(1, orderId);
            try (var rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void bindOrder(PreparedStatement s, EvaluationWrite.OrderRow o) throws SQLException {
        s.setString(1, o.customerId());
        s.setBigDecimal(2, o.amount());
        s.setString(3, o.currency());
        s.setBigDecimal(4, o.originalAmount());
        s.setDate(5, Date.valueOf(o.orderDate()));
        s.setInt(6, o.paymentTermsDays());
        s.setBigDecimal(7, o.discountPercent());
        s.setBoolean(8, o.contractSigned());
        s.setString(9, o.salesRep());
        s.setDate(10, o.requestedDeliveryDate() == null ? null : Date.valueOf(o.requestedDeliveryDate()));
        s.setString(11, o.status());
        s.setObject(12, o.lastDecisionId());
        s.setObject(13, o.updatedAt());
        s.setString(14, o.id());
    }

    private static void bindDecision(PreparedStatement s, EvaluationWrite.DecisionRow d) throws SQLException {
        s.setObject(1, d.id());
        s.setString(2, d.orderId());
        s.setString(3, d.customerId());
        s.setString(4, d.outcome());
        s.setString(5, d.conditionsJson());
        s.setString(6, d.reasonsJson());
        s.setString(7, d.factsJson());
        s.setString(8, d.firedRulesJson());
        s.setString(9, d.rulesetVersion());
        s.setObject(10, d.evaluatedAt());
        s.setString(11, d.evaluatedBy());
        s.setLong(12, d.engineMicros());
    }

    /** Writes what is queued, then stops the writer. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(10_000);
        }
    }
}
