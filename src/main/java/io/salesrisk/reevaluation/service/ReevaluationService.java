package io.salesrisk.reevaluation.service;

import io.salesrisk.common.Ids;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.customer.persistence.CustomerSelection;
import io.salesrisk.exposure.CreditConfig;
import io.salesrisk.reevaluation.config.ReevaluationConfig;
import io.salesrisk.reevaluation.persistence.RunRepository;
import io.salesrisk.reevaluation.profile.ProfileDerivation;
import io.salesrisk.reevaluation.profile.ProfileWindow;
import io.salesrisk.reevaluation.run.ChunkBounds;
import io.salesrisk.reevaluation.run.DuplicateRunException;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunExecutor;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.SparkSubmitter;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.RunStatus;
import io.salesrisk.reevaluation.run.RunTrigger;
import io.salesrisk.reevaluation.run.RunWorkers;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.salesdata.persistence.MarketIndexRepository;
import io.salesrisk.salesdata.persistence.SalesHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Starts re-evaluation runs: fixes the run's constants (as-of day, rule-set version, portfolio sales, market indices,
 * limit policy), cuts the scope's customers into chunks by id and stores it all in one transaction; the workers of
 * every instance then share the chunks.
 */
@ApplicationScoped
public class ReevaluationService {

    /** Unknown ids listed in the error of a run over a list of customers. */
    private static final int UNKNOWN_IDS_SHOWN = 20;

    private final CustomerRepository customers;
    private final SalesHistoryRepository sales;
    private final MarketIndexRepository indices;
    private final RunRepository runs;
    private final RunWorkers workers;
    private final ActiveRuleSet activeRuleSet;
    private final ReevaluationConfig config;
    private final CreditConfig creditConfig;
    private final SparkSubmitter sparkSubmitter;
    private final Clock clock;

    public ReevaluationService(CustomerRepository customers, SalesHistoryRepository sales, MarketIndexRepository indices,
                               RunRepository runs, RunWorkers workers, ActiveRuleSet activeRuleSet, ReevaluationConfig config,
                               CreditConfig creditConfig, SparkSubmitter sparkSubmitter, Clock clock) {
        this.sparkSubmitter = sparkSubmitter;
        this.customers = customers;
        this.sales = sales;
        this.indices = indices;
        this.runs = runs;
        this.workers = workers;
        this.activeRuleSet = activeRuleSet;
        this.config = config;
        this.creditConfig = creditConfig;
        this.clock = clock;
    }

    /**
     * Starts a run.
     *
     * @param asOf        the day the figures are taken on; null for today
     * @param scheduleKey null for runs requested through the API
     * @throws DuplicateRunException when a run of the same scope is in progress, or the schedule key was used
     */
    public RunRecord start(RunScope scope, LocalDate asOf, RunTrigger trigger, String requestedBy, String scheduleKey) {
        return start(scope, asOf, trigger, requestedBy, scheduleKey, null);
    }

    /**
     * Starts a run assessed by the given executor (null: the configured one). A run handed to Spark is submitted with
     * the configured command, if there is one; this instance's workers store what the job stages.
     */
    public RunRecord start(RunScope scope, LocalDate asOf, RunTrigger trigger, String requestedBy, String scheduleKey,
                           RunExecutor executor) {
        RunExecutor by = executor != null ? executor : config.executor();
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null ? today : asOf;
        if (day.isAfter(today)) {
            throw InvalidInputException.field("asOf", "asOf " + day + " is in the future; runs look at figures up to today");
        }
        Prepared prepared = prepare(scope, day, trigger, requestedBy);
        RunRecord run = prepared.run().assessedBy(by);
        refuseDuplicate(run.scope(), scheduleKey, "is in progress");
        try {
            runs.create(run, prepared.chunks(), scheduleKey);
        } catch (RuntimeException e) {
            // two instances inserting the same scope or schedule key at once: the unique columns decided
            refuseDuplicate(run.scope(), scheduleKey, "was started at the same moment");
            throw e;
        }
        if (by == RunExecutor.SPARK) {
            sparkSubmitter.submit(run);
        }
        workers.wake();
        return run;
    }

    /** A run ready to be stored, with its chunks. */
    record Prepared(RunRecord run, List<ChunkBounds> chunks) {
    }

    @Transactional
    Prepared prepare(RunScope scope, LocalDate day, RunTrigger trigger, String requestedBy) {
        if (scope.kind() == RunScope.Kind.CUSTOMERS) {
            requireKnown(scope.customerIds());
        }
        List<ChunkBounds> chunks = chunksOf(scope);
        if (chunks.isEmpty() && scope.kind() != RunScope.Kind.ALL) {
            String field = scope.kind() == RunScope.Kind.SEGMENT ? "segment" : "region";
            throw InvalidInputException.field(field, "no customers in " + field + " " + scope.value());
        }
        int total = chunks.stream().mapToInt(ChunkBounds::size).sum();
        return new Prepared(new RunRecord(Ids.timeOrdered(), scope, RunStatus.RUNNING, trigger, requestedBy, day,
                activeRuleSet.current().version(), constantsOn(day), total, chunks.size(), OffsetDateTime.now(clock), null,
                null), chunks);
    }

    private void refuseDuplicate(RunScope scope, String scheduleKey, String how) {
        Optional<UUID> running = runs.activeRun(scope.key());
        if (running.isPresent()) {
            throw new DuplicateRunException(running.get(), "a run over " + describe(scope) + " " + how + ": "
                    + running.get() + "; one run per scope at a time");
        }
        Optional<UUID> scheduled = scheduleKey == null ? Optional.empty() : runs.bySchedule(scheduleKey);
        if (scheduled.isPresent()) {
            throw new DuplicateRunException(scheduled.get(), "the run " + scheduleKey + " was started already: " + scheduled.get());
        }
    }

    /**
     * The constants a run started on {@code asOf} fixes: portfolio sales of the 12 full months before it, market
     * indices known by then, the limit policy. Backtests and drills take the same constants as a run would.
     */
    public RunConstants constantsOn(LocalDate asOf) {
        ProfileWindow window = new ProfileWindow(asOf, creditConfig.exposureHorizonDays(), creditConfig.paymentPeriodMonths());
        BigDecimal totalSales = sales.totalSales(window.month(12), window.month(1));
        Map<String, RunConstants.IndustryIndex> industries = new TreeMap<>();
        indices.latestUpTo(asOf).forEach((industry, index) -> industries.put(industry, new RunConstants.IndustryIndex(
                index.month(), index.latest(), index.yearBefore(),
                index.yearBefore() == null ? BigDecimal.ZERO : ProfileDerivation.drop(index.latest(), index.yearBefore()))));
        return new RunConstants(asOf, totalSales, industries, config.autoIncreasePercent(), config.limitRounding(),
                creditConfig.exposureHorizonDays(), creditConfig.paymentPeriodMonths());
    }

    /** The scope's customers in chunks of the configured size, in the database's id order. */
    private List<ChunkBounds> chunksOf(RunScope scope) {
        CustomerSelection selection = switch (scope.kind()) {
            case ALL -> CustomerSelection.all();
            case SEGMENT -> new CustomerSelection(scope.value(), null, List.of());
            case REGION -> new CustomerSelection(null, scope.value(), List.of());
            case CUSTOMERS -> new CustomerSelection(null, null, scope.customerIds());
        };
        return customers.idRanges(selection, config.chunkSize()).stream()
                .map(range -> new ChunkBounds(range.firstId(), range.lastId(), range.size())).toList();
    }

    private void requireKnown(List<String> ids) {
        Set<String> known = customers.existingIds(ids);
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            List<ProblemDetail> errors = unknown.stream().limit(UNKNOWN_IDS_SHOWN)
                    .map(id -> new ProblemDetail("customerIds", null, null, null, null, id, "unknown customer " + id))
                    .toList();
            throw new InvalidInputException(unknown.size() + " unknown customer id(s)", errors);
        }
    }

    private static String describe(RunScope scope) {
        return switch (scope.kind()) {
            case ALL -> "all customers";
            case SEGMENT -> "segment " + scope.value();
            case REGION -> "region " + scope.value();
            case CUSTOMERS -> "the same " + scope.customerIds().size() + " customers";
        };
    }
}
