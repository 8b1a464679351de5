package io.salesrisk.drill.service;

import io.quarkus.logging.Log;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.drill.persistence.DrillRecord;
import io.salesrisk.drill.persistence.DrillRepository;
import io.salesrisk.drill.scenario.Scenario;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.service.ReevaluationService;
import io.salesrisk.ruleset.persistence.RuleSetRecord;
import io.salesrisk.ruleset.persistence.RuleSetStatus;
import io.salesrisk.ruleset.persistence.RuleSetStore;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.ruleset.service.CompiledRuleSets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Contingency drills: checks the scenario, runs it over the whole portfolio in memory ({@link DrillRunner}) against
 * the active or a candidate rule-set version, and stores the drill with its report, which is all a drill writes.
 * One drill at a time per instance: it uses the cores a re-evaluation run would.
 */
@ApplicationScoped
public class DrillService {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final DrillRunner runner;
    private final DrillRepository drills;
    private final CustomerRepository customers;
    private final ReevaluationService reevaluation;
    private final ActiveRuleSet active;
    private final CompiledRuleSets ruleSets;
    private final RuleSetStore store;
    private final JsonText json;
    private final Clock clock;
    private final Semaphore oneAtATime = new Semaphore(1);

    public DrillService(DrillRunner runner, DrillRepository drills, CustomerRepository customers,
                        ReevaluationService reevaluation, ActiveRuleSet active, CompiledRuleSets ruleSets, RuleSetStore store,
                        JsonText json, Clock clock) {
        this.runner = runner;
        this.drills = drills;
        this.customers = customers;
        this.reevaluation = reevaluation;
        this.active = active;
        this.ruleSets = ruleSets;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs a drill and stores it with its report.
     *
     * @throws InvalidInputException naming the field, for a scenario that cannot be run
     * @throws ConflictException     while another drill runs on this instance
     */
    public DrillRecord run(DrillRequest request, String requestedBy) {
        LocalDate asOf = LocalDate.now(clock);
        Prepared prepared = prepare(request, asOf);
        if (!oneAtATime.tryAcquire()) {
            throw new ConflictException("scenario", "another drill is running on this instance; try again in a moment");
        }
        try {
            long start = System.nanoTime();
            DrillReport report = runner.run(prepared.scenario(), prepared.rules(), prepared.constants());
            long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            DrillRecord drill = new DrillRecord(Ids.timeOrdered(), prepared.scenario().kind().name(),
                    json.write(parameters(prepared.scenario())), prepared.scenario().describe(), prepared.rules().version(),
                    prepared.active(), asOf, requestedBy, OffsetDateTime.now(clock), millis, report.counts().customers(),
                    report.counts().changed(), report.counts().plansActivated(), report.counts().plansAdded(),
                    report.counts().ordersHeld(),
                    json.write(report));
            drills.insert(drill);
            Log.infof("drill %s (%s) on version %s by %s: %d customers in %d ms, %d changed, %d plan(s), %d order(s) held",
                    drill.id(), drill.description(), drill.rulesetVersion(), requestedBy, drill.customers(), millis,
                    drill.changed(), drill.plansActivated(), drill.ordersHeld());
            return drill;
        } finally {
            oneAtATime.release();
        }
    }

    public List<DrillRecord> recent(int limit) {
        return drills.recent(limit);
    }

    public Optional<DrillRecord> find(UUID id) {
        return drills.byId(id);
    }

    /** A checked scenario with the rules and constants it runs against. */
    record Prepared(Scenario scenario, CompiledRuleSet rules, boolean active, RunConstants constants) {
    }

    @Transactional
    Prepared prepare(DrillRequest request, LocalDate asOf) {
        if (request == null) {
            throw InvalidInputException.field("scenario", "a drill needs a scenario: one of " + kinds());
        }
        List<ProblemDetail> errors = new ArrayList<>();
        CompiledRuleSet rules = rules(request.rulesetVersion(), errors);
        RunConstants fixed = reevaluation.constantsOn(asOf);
        Scenario scenario = scenario(request, fixed, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the drill cannot be run: " + errors.get(0).message(), errors);
        }
        boolean isActive = rules.version().equals(active.current().version());
        return new Prepared(scenario, rules, isActive, fixed);
    }

    private CompiledRuleSet rules(String version, List<ProblemDetail> errors) {
        if (blank(version)) {
            return active.current();
        }
        Optional<RuleSetRecord> record = store.find(version.trim());
        if (record.isEmpty()) {
            errors.add(ProblemDetail.field("rulesetVersion", "unknown rule-set version " + version.trim()));
            return active.current();
        }
        if (record.get().status() == RuleSetStatus.REJECTED) {
            errors.add(ProblemDetail.field("rulesetVersion", "rule-set version " + version.trim()
                    + " was rejected; only versions that compiled can be drilled"));
            return active.current();
        }
        return ruleSets.get(record.get().version());
    }

    private Scenario scenario(DrillRequest r, RunConstants fixed, List<ProblemDetail> errors) {
        Scenario.Kind kind = kind(r.scenario(), errors);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case CUSTOMER_DEFAULT -> {
                String id = trim(r.customerId());
                if (id == null) {
                    errors.add(ProblemDetail.field("customerId", "CUSTOMER_DEFAULT needs the customerId of the customer that defaults"));
                } else if (customers.existingIds(List.of(id)).isEmpty()) {
                    errors.add(ProblemDetail.field("customerId", "unknown customer " + id));
                }
                yield new Scenario(kind, id, null, null, null, null, null);
            }
            case SALES_DROP -> {
                String segment = trim(r.segment());
                String region = trim(r.region());
                if (segment == null && region == null) {
                    errors.add(ProblemDetail.field("segment", "SALES_DROP needs a segment or a region whose sales drop"));
                } else if (segment != null && region != null) {
                    errors.add(ProblemDetail.field("segment", "give a segment or a region, not both"));
                } else if (segment != null && customers.count("segment", segment) == 0) {
                    errors.add(ProblemDetail.field("segment", "no customers in segment " + segment));
                } else if (region != null && customers.count("region", region) == 0) {
                    errors.add(ProblemDetail.field("region", "no customers in region " + region));
                }
                yield new Scenario(kind, null, segment, segment == null ? region : null, null,
                        percent("percent", r.percent(), errors), null);
            }
            case MARKET_INDEX_DROP -> {
                String industry = trim(r.industry());
                if (industry == null) {
                    errors.add(ProblemDetail.field("industry", "MARKET_INDEX_DROP needs the industry whose index falls"));
                } else if (!fixed.industries().containsKey(industry)) {
                    errors.add(ProblemDetail.field("industry", "industry " + industry + " has no market index; known: "
                            + String.join(", ", fixed.industries().keySet())));
                }
                yield new Scenario(kind, null, null, null, industry, percent("percent", r.percent(), errors), null);
            }
            case INVOICES_OVERDUE -> new Scenario(kind, null, null, null, null, null,
                    percent("sharePercent", r.sharePercent(), errors));
        };
    }

    private static Scenario.Kind kind(String name, List<ProblemDetail> errors) {
        if (blank(name)) {
            errors.add(ProblemDetail.field("scenario", "a drill needs a scenario: one of " + kinds()));
            return null;
        }
        try {
            return Scenario.Kind.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(ProblemDetail.field("scenario", "unknown scenario " + name.trim() + "; one of " + kinds()));
            return null;
        }
    }

    private static BigDecimal percent(String field, BigDecimal value, List<ProblemDetail> errors) {
        if (value == null) {
            errors.add(ProblemDetail.field(field, field + " is required (0 to 100)"));
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            errors.add(ProblemDetail.field(field, field + " " + value.toPlainString() + " is outside 0 to 100"));
        }
        return value;
    }

    private static Map<String, Object> parameters(Scenario s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scenario", s.kind().name());
        putIfSet(p, "customerId", s.customerId());
        putIfSet(p, "segment", s.segment());
        putIfSet(p, "region", s.region());
        putIfSet(p, "industry", s.industry());
        putIfSet(p, "percent", s.percent());
        putIfSet(p, "sharePercent", s.sharePercent());
        return p;
    }

    private static void putIfSet(Map<String, Object> p, String key, Object value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static String kinds() {
        return String.join(", ", java.util.Arrays.stream(Scenario.Kind.values()).map(Enum::name).toList());
    }

    private static String trim(String value) {
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
