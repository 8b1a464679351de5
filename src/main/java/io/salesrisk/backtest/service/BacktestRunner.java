package io.salesrisk.backtest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.salesrisk.backtest.persistence.BacktestOutcomeQuery;
import io.salesrisk.backtest.persistence.BacktestRepository;
import io.salesrisk.backtest.persistence.CustomerOutcome;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.customer.persistence.CustomerSelection;
import io.salesrisk.customer.persistence.IdRange;
import io.salesrisk.decision.persistence.DecisionRepository;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.facts.Assessment;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.Reason;
import io.salesrisk.facts.SignalOutcome;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import io.salesrisk.reevaluation.assessment.CustomerAssessor;
import io.salesrisk.reevaluation.config.ReevaluationConfig;
import io.salesrisk.reevaluation.profile.CustomerFigures;
import io.salesrisk.reevaluation.profile.ProfileQuery;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one backtest: the version's re-evaluation rules over every customer as its data stood on the as-of day (the
 * same {@link CustomerAssessor} a run uses, on profiles read by {@link ProfileQuery#loadAsKnownOn}), chunk by chunk;
 * what happened next read per chunk from the database; then the stored order decisions of the horizon's length
 * before the as-of day replayed through the version. Only the backtest's own row is written: its progress, then
 * its report.
 */
@ApplicationScoped
public class BacktestRunner {

    /** The order decisions' population and signal type in the signal-outcome table. */
    static final String HELD_ORDER = "HELD_ORDER";
    private static final int FAILURES_SHOWN = 20;
    private static final int DECISION_CHUNK = 2_000;

    private final CustomerRepository customers;
    private final ProfileQuery profiles;
    private final BacktestOutcomeQuery outcomes;
    private final BacktestRepository backtests;
    private final DecisionRepository decisions;
    private final ReevaluationConfig config;
    private final ObjectReader factsReader;
    private final Clock clock;

    public BacktestRunner(CustomerRepository customers, ProfileQuery profiles, BacktestOutcomeQuery outcomes,
                          BacktestRepository backtests, DecisionRepository decisions, ReevaluationConfig config, ObjectMapper mapper, Clock clock) {
        this.customers = customers;
        this.profiles = profiles;
        this.outcomes = outcomes;
        this.backtests = backtests;
        this.decisions = decisions;
        this.config = config;
        this.factsReader = mapper.readerFor(OrderFacts.class);
        this.clock = clock;
    }

    /** The id ranges of the scope's customers a backtest goes through, in chunks of a run's size. */
    List<IdRange> chunks(RunScope scope) {
        CustomerSelection selection = switch (scope.kind()) {
            case ALL -> CustomerSelection.all();
            case SEGMENT -> new CustomerSelection(scope.value(), null, List.of());
            case REGION -> new CustomerSelection(null, scope.value(), List.of());
            case CUSTOMERS -> throw new IllegalArgumentException("backtests cover all customers, a segment or a region");
        };
        return customers.idRanges(selection, config.chunkSize());
    }

    /** Runs the backtest to its report; the caller stores the report or the failure. */
    BacktestReport run(UUID id, CompiledRuleSet rules, RunScope scope, RunConstants constants, int horizonMonths,
                       List<IdRange> chunks) {
        long start = System.nanoTime();
        LocalDate asOf = constants.asOf();
        AssessmentPolicy policy = new AssessmentPolicy(constants.autoIncreasePercent(), constants.limitRounding());
        SignalOutcomeTable table = new SignalOutcomeTable(rules);
        Scoreboard board = new Scoreboard("customers", table::measuresOf);
        Map<String, Integer> flaggedNotScored = new TreeMap<>();
        Map<String, CustomerOutcome> byCustomer = new HashMap<>();
        List<BacktestReport.Failure> failures = new ArrayList<>();
        int failed = 0;
        int notYetKnown = 0;
        int done = 0;
        for (IdRange chunk : chunks) {
            List<CustomerFigures> figures = profiles.loadAsKnownOn(scope, chunk.firstId(), chunk.lastId(), constants);
            // the rule set is safe to share between threads; each assessment is independent of the others
            List<CustomerAssessment> assessed = figures.parallelStream().filter(f -> f.badData() == null)
                    .filter(f -> knownOn(f.profile())).map(f -> CustomerAssessor.assess(rules, f.profile(), policy)).toList();
            notYetKnown += (int) figures.stream().filter(f -> f.badData() == null && !knownOn(f.profile())).count();
            for (CustomerFigures broken : figures) {
                if (broken.badData() != null) {
                    failed++;
                    if (failures.size() < FAILURES_SHOWN) {
                        failures.add(new BacktestReport.Failure(broken.customerId(), broken.badData()));
                    }
                }
            }
            Map<String, CustomerOutcome> happened = new HashMap<>();
            for (CustomerOutcome outcome : outcomes.load(chunk.firstId(), chunk.lastId(), asOf, horizonMonths, clock.getZone())) {
                happened.put(outcome.customerId(), outcome);
            }
            for (CustomerAssessment assessment : assessed) {
                if (assessment.failed()) {
                    failed++;
                    if (failures.size() < FAILURES_SHOWN) {
                        failures.add(new BacktestReport.Failure(assessment.customerId(), assessment.failure()));
                    }
                    continue;
                }
                CustomerOutcome outcome = happened.getOrDefault(assessment.customerId(),
                        CustomerOutcome.nothing(assessment.customerId(), horizonMonths));
                byCustomer.put(outcome.customerId(), outcome);
                int member = board.add(outcome);
                Set<String> types = new LinkedHashSet<>();
                for (Assessment.Signal signal : assessment.signals()) {
                    String type = signal.type();
                    if (table.measuresOf(type).isEmpty()) {
                        if (types.add(type)) {
                            flaggedNotScored.merge(type, 1, Integer::sum);
                        }
                        continue;
                    }
                    types.add(type);
                    board.flag(member, new Scoreboard.Group(type, "ALL", null));
                    board.flag(member, new Scoreboard.Group(type, signal.severity().name(), null));
                    board.flag(member, new Scoreboard.Group(type, signal.severity().name(), signal.finding().rule()));
                }
            }
            done += figures.size();
            backtests.progress(id, done, OffsetDateTime.now(clock));
        }
        List<BacktestReport.NotScored> notScored = flaggedNotScored.entrySet().stream()
                .map(e -> new BacktestReport.NotScored(e.getKey(), e.getValue(), "no row of RuleTable SignalOutcomes "
                        + "(signal-outcomes.xlsx) names what " + e.getKey() + " predicts; add one to score it"))
                .toList();
        BacktestReport.Orders orders = orders(rules, table, asOf, horizonMonths, byCustomer);
        int assessedCount = board.size();
        return new BacktestReport(rules.version(), asOf, horizonMonths, assessedCount, failed, notYetKnown, failures,
                Scoreboard.ratio(board.flaggedWhere(g -> g.severity().equals("HIGH")), assessedCount),
                Scoreboard.ratio(board.flaggedWhere(g -> g.severity().equals("ALL")), assessedCount),
                board.baseRates(table.allMeasures()), board.scores(), notScored, orders,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Replays the order decisions stored in the horizon's length before the as-of day through the version and scores
     * the orders it holds (REVIEW or BLOCK) against the HELD_ORDER outcome of their customer.
     */
    private BacktestReport.Orders orders(CompiledRuleSet rules, SignalOutcomeTable table, LocalDate asOf, int horizonMonths,
                                         Map<String, CustomerOutcome> byCustomer) {
        LocalDate from = asOf.minusMonths(horizonMonths);
        List<SignalOutcome.Measure> measures = table.measuresOf(HELD_ORDER);
        if (measures.isEmpty()) {
            return new BacktestReport.Orders(from, asOf, 0, 0, List.of(), "no row of RuleTable SignalOutcomes names what "
                    + HELD_ORDER + " predicts: order decisions were not replayed");
        }
        Scoreboard board = new Scoreboard("orders", type -> measures);
        int[] held = new int[1];
        OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end = asOf.atStartOfDay(clock.getZone()).toOffsetDateTime();
        decisions.forEachChunk(start, end, DECISION_CHUNK, chunk -> {
            // orders of customers the backtest assessed: the scope's, and not those with broken data
            List<DecisionRepository.StoredSnapshot> inScope = chunk.stream()
                    .filter(stored -> byCustomer.containsKey(stored.customerId())).toList();
            List<Decision> replayed = inScope.parallelStream().map(stored -> {
                try {
                    return OrderEvaluator.evaluate(rules, factsReader.readValue(stored.facts())).decision();
                } catch (IOException e) {
                    throw new IllegalStateException("decision " + stored.id() + " has an unreadable fact snapshot", e);
                }
            }).toList();
            for (int i = 0; i < inScope.size(); i++) {
                int member = board.add(byCustomer.get(inScope.get(i).customerId()));
                Decision decision = replayed.get(i);
                if (decision.getOutcome() == Outcome.APPROVE) {
                    continue;
                }
                held[0]++;
                board.flag(member, new Scoreboard.Group(HELD_ORDER, "ALL", null));
                board.flag(member, new Scoreboard.Group(HELD_ORDER, decision.getOutcome().name(), null));
                for (Reason reason : decision.getReasons()) {
                    if (reason.outcome() == decision.getOutcome()) {
                        board.flag(member, new Scoreboard.Group(HELD_ORDER, decision.getOutcome().name(), reason.rule()));
                    }
                }
            }
        });
        String message = board.size() == 0 ? "no order decisions were stored from " + from + " to " + asOf : null;
        return new BacktestReport.Orders(from, asOf, board.size(), held[0], board.scores(), message);
    }

    /**
     * Whether the customer was a customer on the as-of day: some sales, invoice or order known by then. One without
     * any (typically an account opened later) is left out, so it neither dilutes the base rates nor counts as
     * assessed; a new account with a little history is assessed under the new-account rows, as in a run.
     */
    static boolean knownOn(io.salesrisk.facts.CustomerProfile profile) {
        return profile.getMonthsOfHistory() > 0 || profile.getInvoicesIssued12m() > 0
                || profile.getOpenReceivables().signum() != 0 || profile.getOpenOrders().signum() != 0;
    }
}
