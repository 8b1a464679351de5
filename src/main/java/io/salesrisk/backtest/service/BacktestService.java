package io.salesrisk.backtest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesrisk.backtest.persistence.BacktestRepository;
import io.salesrisk.backtest.persistence.BacktestRepository.StoredBacktest;
import io.salesrisk.common.Ids;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.customer.persistence.IdRange;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.service.ReevaluationService;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.ruleset.service.RuleSetService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts backtests and keeps them: a backtest is checked and stored at once (202), then runs on this instance's
 * backtest thread, one after another, so a backtest never takes the cores the order checks need twice over.
 */
@ApplicationScoped
public class BacktestService {

    private static final Logger LOG = Logger.getLogger(BacktestService.class);
    /** Longest horizon: outcomes further out say little about a signal of today. */
    public static final int MAX_HORIZON_MONTHS = 12;
    public static final int DEFAULT_HORIZON_MONTHS = 3;
    /**
     * A RUNNING backtest without progress for this long lost its instance (a chunk takes about a second; one queued
     * behind another counts from its start).
     */
    static final Duration STALLED_AFTER = Duration.ofMinutes(15);

    private final BacktestRepository backtests;
    private final BacktestRunner runner;
    private final RuleSetService ruleSets;
    private final ActiveRuleSet active;
    private final ReevaluationService reevaluation;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "salesrisk-backtest");
        t.setDaemon(true);
        return t;
    });

    public BacktestService(BacktestRepository backtests, BacktestRunner runner, RuleSetService ruleSets,
                           ActiveRuleSet active, ReevaluationService reevaluation, ObjectMapper mapper, Clock clock) {
        this.reevaluation = reevaluation;
        this.backtests = backtests;
        this.runner = runner;
        this.ruleSets = ruleSets;
        this.active = active;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    /**
     * Checks and stores a backtest and queues it.
     *
     * @param version       a stored, not rejected rule-set version (a candidate may be backtested before activation);
     *                      null for the active one
     * @param horizonMonths null for {@value #DEFAULT_HORIZON_MONTHS}
     */
    public StoredBacktest start(String version, RunScope scope, LocalDate asOf, Integer horizonMonths, String requestedBy) {
        if (scope.kind() == RunScope.Kind.CUSTOMERS) {
            throw InvalidInputException.field("scope", "a backtest covers all customers, one segment or one region");
        }
        if (asOf == null) {
            throw InvalidInputException.field("asOf", "asOf is required: the past day the rules are run as of (YYYY-MM-DD)");
        }
        int horizon = horizonMonths == null ? DEFAULT_HORIZON_MONTHS : horizonMonths;
        if (horizon < 1 || horizon > MAX_HORIZON_MONTHS) {
            throw InvalidInputException.field("horizonMonths", "horizonMonths must be 1 to " + MAX_HORIZON_MONTHS
                    + " months, not " + horizon);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate horizonEnd = asOf.plusMonths(horizon);
        if (horizonEnd.isAfter(today)) {
            throw InvalidInputException.field("asOf", "a backtest as of " + asOf + " with a horizon of " + horizon
                    + " month(s) needs what happened up to " + horizonEnd + ", which is after today (" + today
                    + "); choose an asOf on or before " + today.minusMonths(horizon));
        }
        Prepared prepared = prepare(version, scope, asOf);
        CompiledRuleSet rules = prepared.rules();
        List<IdRange> chunks = prepared.chunks();
        int total = chunks.stream().mapToInt(IdRange::size).sum();
        UUID id = Ids.timeOrdered();
        backtests.insert(id, rules.version(), asOf, horizon, scope.key(), requestedBy, total, OffsetDateTime.now(clock));
        thread.submit(() -> execute(id, rules, scope, prepared.constants(), horizon, chunks));
        return find(id).orElseThrow();
    }

    /** The version's rules and the scope's chunks. */
    record Prepared(CompiledRuleSet rules, List<IdRange> chunks, RunConstants constants) {
    }

    /** Reads the version and cuts the scope into chunks (the rule-set store reads in a transaction). */
    @Transactional
    Prepared prepare(String version, RunScope scope, LocalDate asOf) {
        CompiledRuleSet rules = rules(version);
        List<IdRange> chunks = runner.chunks(scope);
        if (chunks.isEmpty() && scope.kind() != RunScope.Kind.ALL) {
            String field = scope.kind() == RunScope.Kind.SEGMENT ? "segment" : "region";
            throw InvalidInputException.field(field, "no customers in " + field + " " + scope.value());
        }
        return new Prepared(rules, chunks, reevaluation.constantsOn(asOf));
    }

    private CompiledRuleSet rules(String version) {
        if (version == null || version.isBlank()) {
            return active.current();
        }
        try {
            return ruleSets.compiled(version.strip());
        } catch (NotFoundException | ConflictException e) {
            throw InvalidInputException.field("rulesetVersion", e.getMessage());
        }
    }

    private void execute(UUID id, CompiledRuleSet rules, RunScope scope, RunConstants constants, int horizon,
                         List<IdRange> chunks) {
        try {
            backtests.progress(id, 0, OffsetDateTime.now(clock)); // it starts now, after any queued before it
            BacktestReport report = runner.run(id, rules, scope, constants, horizon, chunks);
            backtests.complete(id, report.customersAssessed() + report.customersFailed() + report.customersNotYetKnown(), json(report),
                    OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            LOG.errorf(e, "backtest %s failed", id);
            backtests.fail(id, e.getClass().getSimpleName() + ": " + e.getMessage(), OffsetDateTime.now(clock));
        }
    }

    private String json(BacktestReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("backtest report could not be written as JSON", e);
        }
    }

    public Optional<StoredBacktest> find(UUID id) {
        failStalled();
        return backtests.find(id);
    }

    public List<StoredBacktest> latest(int limit) {
        failStalled();
        return backtests.latest(limit);
    }

    private void failStalled() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int failed = backtests.failStalled(now.minus(STALLED_AFTER), now);
        if (failed > 0) {
            LOG.warnf("%d backtest(s) made no progress for %s: their instance stopped; marked FAILED", failed, STALLED_AFTER);
        }
    }

    /** The stored report, read back (null until the backtest completed). */
    public BacktestReport report(StoredBacktest backtest) {
        if (backtest.report() == null) {
            return null;
        }
        try {
            return mapper.readValue(backtest.report(), BacktestReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("backtest " + backtest.id() + " has an unreadable report", e);
        }
    }
}
