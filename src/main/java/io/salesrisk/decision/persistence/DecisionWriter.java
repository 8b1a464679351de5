package io.salesrisk.decision.persistence;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.salesrisk.common.persistence.DataAccessException;
import io.salesrisk.common.persistence.SqlDialect;
import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.order.persistence.OrderRow;
import io.salesrisk.order.persistence.SalesOrderRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.sql.Connection;
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
 * Stores evaluated orders and their decisions with group commit: a few writer loops each take whatever evaluations
 * are waiting (up to {@code max-batch}), write them with JDBC batches in one transaction and only then complete them,
 * so a caller's answer always follows the commit of its order and decision. While one batch commits the next one
 * fills up, so batches grow with load and a full audit trail costs a fraction of a round trip per order.
 *
 * <p>This is the one place that manages its own transactions instead of {@code @Transactional}: a JTA transaction is
 * bound to the thread that began it and ends with the method, while group commit needs one transaction that many
 * request threads' writes join, committed by the writer, with each caller completed only after that commit. If a
 * batch fails (e.g. two evaluations of the same new order raced), each evaluation is retried in a transaction of its
 * own on the same connection, so one bad write never fails the others.
 */
@Startup // its writer loops start with the service, not inside the first request
@ApplicationScoped
public class DecisionWriter {

    private final AgroalDataSource dataSource;
    private final SalesOrderRepository orders;
    private final DecisionWriterConfig config;
    private final List<EvaluationSideWrites> sideWrites;
    private final String insertDecision;
    private static final String INSERT_FIRING = """
            INSERT INTO decision_rule_firings (decision_id, rule, ruleset_version, evaluated_at, order_id, customer_id,
              times, reaction, decided) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private final boolean bypassFirings;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSizes;
    private final List<CompletableFuture<Void>> writers = new ArrayList<>();
    private volatile boolean running = true;

    private record Pending(EvaluationWrite write, CompletableFuture<Void> done) {
    }

    public DecisionWriter(AgroalDataSource dataSource, SalesOrderRepository orders, DecisionWriterConfig config,
                          SqlDialect dialect, MeterRegistry registry, ManagedExecutor executor,
                          Instance<EvaluationSideWrites> sideWrites,
                          @org.eclipse.microprofile.config.inject.ConfigProperty(name = "salesrisk.benchmark.bypass-firings",
                                  defaultValue = "false") boolean bypassFirings) {
        this.dataSource = dataSource;
        this.bypassFirings = bypassFirings; // benchmark only: what the per-rule firing rows cost the endpoint
        this.sideWrites = sideWrites.stream().toList();
        this.orders = orders;
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
            writers.add(executor.runAsync(this::run));
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
        } catch (DataAccessException batchFailure) {
            Log.debugf("batch of %d failed (%s); writing one by one", batch.size(), batchFailure.getMessage());
            for (Pending pending : batch) {
                try {
                    writeInOneTransaction(List.of(pending), true);
                    pending.done().complete(null);
                } catch (DataAccessException e) {
                    pending.done().completeExceptionally(new IllegalStateException("storing the decision failed", e));
                }
            }
        }
    }

    /** @param recheck look each order up again under a row lock instead of trusting what the evaluation read */
    private void writeInOneTransaction(List<Pending> batch, boolean recheck) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                writeRows(SqlSession.on(connection), batch, recheck);
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException("writing " + batch.size() + " decision(s) failed: " + e.getMessage(), e);
        }
    }

    private void writeRows(SqlSession session, List<Pending> batch, boolean recheck) {
        List<OrderRow> inserts = new ArrayList<>();
        List<OrderRow> updates = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Pending pending : batch) {
            OrderRow order = pending.write().order();
            boolean exists = recheck ? orders.existsForUpdate(session, order.id())
                    : pending.write().orderExisted() || present.contains(order.id());
            (exists ? updates : inserts).add(order);
            present.add(order.id());
        }
        orders.writeEvaluated(session, inserts, updates);
        session.batch(insertDecision, batch, (s, p) -> {
            EvaluationWrite.DecisionRow d = p.write().decision();
            s.set(d.id(), d.orderId(), d.customerId(), d.outcome(), d.conditionsJson(), d.reasonsJson(), d.factsJson(),
                    d.firedRulesJson(), d.rulesetVersion(), d.evaluatedAt(), d.evaluatedBy(), d.engineMicros());
        });
        if (!bypassFirings) {
            writeFirings(session, batch);
        }
        List<EvaluationWrite> writes = batch.stream().map(Pending::write).toList();
        for (EvaluationSideWrites side : sideWrites) {
            side.write(session, writes);
        }
    }

    /** One row per rule that fired in each decision, for the rule-effectiveness report (one JDBC batch). */
    private void writeFirings(SqlSession session, List<Pending> batch) {
        record Row(EvaluationWrite.DecisionRow decision, RuleFirings.Firing firing) {
        }
        List<Row> rows = new ArrayList<>();
        for (Pending pending : batch) {
            EvaluationWrite write = pending.write();
            EvaluationWrite.DecisionRow d = write.decision();
            for (RuleFirings.Firing firing : RuleFirings.of(d.firedRules(), write.reasons(), d.outcome())) {
                rows.add(new Row(d, firing));
            }
        }
        session.batch(INSERT_FIRING, rows, (s, r) -> s.set(r.decision().id(), r.firing().rule(),
                r.decision().rulesetVersion(), r.decision().evaluatedAt(), r.decision().orderId(),
                r.decision().customerId(), r.firing().times(), r.firing().reaction(), r.firing().decided()));
    }

    /** Writes what is queued, then stops the writer loops. */
    @PreDestroy
    void stop() {
        running = false;
        for (CompletableFuture<Void> writer : writers) {
            try {
                writer.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                Log.warnf("a decision writer did not stop cleanly: %s", e.getMessage());
            }
        }
    }
}
