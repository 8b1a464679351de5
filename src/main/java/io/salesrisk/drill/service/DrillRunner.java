package io.salesrisk.drill.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertConfig;
import io.salesrisk.common.reference.ReferenceConfig;
import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.catalog.PlanAction;
import io.salesrisk.contingency.persistence.PlanActivation;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanRepository;
import io.salesrisk.contingency.service.ContingencyCatalogs;
import io.salesrisk.contingency.service.PlanActivator;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.customer.persistence.CustomerSelection;
import io.salesrisk.customer.persistence.IdRange;
import io.salesrisk.drill.scenario.Scenario;
import io.salesrisk.drill.scenario.ScenarioFacts;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.facts.Assessment;
import io.salesrisk.facts.RaisedRisks;
import io.salesrisk.invoice.persistence.OpenInvoiceQuery;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import io.salesrisk.reevaluation.assessment.CustomerAssessor;
import io.salesrisk.reevaluation.config.ReevaluationConfig;
import io.salesrisk.reevaluation.profile.CustomerFigures;
import io.salesrisk.reevaluation.profile.ProfileDerivation;
import io.salesrisk.reevaluation.profile.ProfileQuery;
import io.salesrisk.reevaluation.profile.ProfileRow;
import io.salesrisk.reevaluation.profile.ProfileWindow;
import io.salesrisk.reevaluation.run.ChunkStats;
import io.salesrisk.reevaluation.run.PortfolioTriggers;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs a drill over the whole portfolio, chunk by chunk as a run does, but only in memory: reads each chunk's
 * profile rows (and, for the invoice scenarios, its open invoices), assesses every customer on the facts as they are
 * and, where the scenario touches it, on the facts the scenario supposes; sums both into portfolio figures and runs
 * the contingency triggers over each ({@link PortfolioTriggers}, as a run's finishing step does); then re-decides the
 * open orders that follow. Writes nothing.
 */
@ApplicationScoped
public class DrillRunner {

    private final CustomerRepository customers;
    private final ProfileQuery profiles;
    private final OpenInvoiceQuery invoices;
    private final ContingencyCatalogs catalogs;
    private final PlanRepository plans;
    private final HeldOrderForecast orders;
    private final AlertConfig alertConfig;
    private final ReevaluationConfig config;
    private final Set<String> weakClasses;

    public DrillRunner(CustomerRepository customers, ProfileQuery profiles, OpenInvoiceQuery invoices,
                       ContingencyCatalogs catalogs, PlanRepository plans, HeldOrderForecast orders, AlertConfig alertConfig,
                       ReevaluationConfig config, ReferenceConfig reference) {
        this.customers = customers;
        this.profiles = profiles;
        this.invoices = invoices;
        this.catalogs = catalogs;
        this.plans = plans;
        this.orders = orders;
        this.alertConfig = alertConfig;
        this.config = config;
        this.weakClasses = Set.copyOf(reference.weakRiskClasses());
    }

    /** Both assessments of one customer, and what the scenario did to its facts. */
    record Assessed(CustomerAssessment before, CustomerAssessment after, boolean touched) {
        boolean differs() {
            return !after.classAfter().equals(before.classAfter()) || after.limitAfter().compareTo(before.limitAfter()) != 0
                    || after.termsAfter() != before.termsAfter() || after.prepaymentAfter() != before.prepaymentAfter()
                    || !signalKeys(after).equals(signalKeys(before))
                    || after.profile().getOverdueAmount().compareTo(before.profile().getOverdueAmount()) != 0
                    || after.profile().getOldestOverdueDays() != before.profile().getOldestOverdueDays();
        }
    }

    /** The sums and lists a drill builds up chunk by chunk. */
    private final class Tally {
        final ChunkStats before = new ChunkStats();
        final ChunkStats after = new ChunkStats();
        final Map<String, Map<String, Integer>> matrix = new TreeMap<>();
        final List<DrillReport.CustomerChange> changes = new ArrayList<>();
        final List<DrillReport.SignalView> added = new ArrayList<>();
        final List<DrillReport.AlertView> alerts = new ArrayList<>();
        final List<PlanActivator.RaisedRisk> risksBefore = new ArrayList<>();
        final List<PlanActivator.RaisedRisk> risksAfter = new ArrayList<>();
        final List<HeldOrderForecast.Standing> standings = new ArrayList<>();
        int customers;
        int touched;
        int changed;
        int failed;
        int classChanged;
        int classWorse;
        int decreased;
        int increased;
        BigDecimal decreaseTotal = BigDecimal.ZERO;
        BigDecimal increaseTotal = BigDecimal.ZERO;
        int prepaymentNew;
        int signalsAdded;
        int alertCount;
        long readNanos;
        long assessNanos;

        void add(List<Assessed> chunk, int failedInChunk) {
            failed += failedInChunk;
            count(before, chunk.stream().map(Assessed::before).toList());
            count(after, chunk.stream().map(Assessed::after).toList());
            for (Assessed a : chunk) {
                customers++;
                touched += a.touched() ? 1 : 0;
                customer(a);
            }
        }

        private void count(ChunkStats total, List<CustomerAssessment> kept) {
            ChunkStats stats = new ChunkStats();
            stats.count(kept, 0, 0, weakClasses);
            for (CustomerAssessment a : kept) {
                a.signals().forEach(s -> stats.signal(s.type(), s.severity().name()));
            }
            total.merge(stats);
        }

        private void customer(Assessed a) {
            CustomerAssessment b = a.before();
            CustomerAssessment s = a.after();
            String id = s.customerId();
            matrix.computeIfAbsent(b.classAfter(), k -> new TreeMap<>()).merge(s.classAfter(), 1, Integer::sum);
            b.risks().forEach(r -> risksBefore.add(new PlanActivator.RaisedRisk(r.riskType(), "CUSTOMER:" + id, r.finding())));
            s.risks().forEach(r -> risksAfter.add(new PlanActivator.RaisedRisk(r.riskType(), "CUSTOMER:" + id, r.finding())));
            boolean differs = a.touched() && a.differs();
            standings.add(new HeldOrderForecast.Standing(id, s.profile().getSegment(), s.profile().getIndustry(),
                    s.classAfter(), s.limitAfter(), s.termsAfter(), s.prepaymentAfter(), s.profile().getOverdueAmount(),
                    s.profile().getOldestOverdueDays(), differs));
            if (!differs) {
                return;
            }
            changed++;
            if (!s.classAfter().equals(b.classAfter())) {
                classChanged++;
                classWorse += s.classAfter().compareTo(b.classAfter()) > 0 ? 1 : 0;
            }
            int limit = s.limitAfter().compareTo(b.limitAfter());
            if (limit < 0) {
                decreased++;
                decreaseTotal = decreaseTotal.add(b.limitAfter().subtract(s.limitAfter()));
            } else if (limit > 0) {
                increased++;
                increaseTotal = increaseTotal.add(s.limitAfter().subtract(b.limitAfter()));
            }
            prepaymentNew += s.prepaymentAfter() && !b.prepaymentAfter() ? 1 : 0;
            Set<String> had = signalKeys(b);
            List<String> newTypes = new ArrayList<>();
            for (Assessment.Signal signal : s.signals()) {
                if (had.contains(signal.type() + "|" + signal.severity())) {
                    continue;
                }
                signalsAdded++;
                newTypes.add(signal.type() + " " + signal.severity());
                if (added.size() < DrillReport.SIGNALS_LISTED) {
                    added.add(new DrillReport.SignalView(id, signal.type(), signal.severity().name(),
                            signal.finding().rule(), signal.finding().message()));
                }
                if (alertConfig.raises(signal.severity())) {
                    alertCount++;
                    if (alerts.size() < DrillReport.SIGNALS_LISTED) {
                        alerts.add(new DrillReport.AlertView(signal.type(), "CUSTOMER", id, null, signal.severity().name(),
                                "customer " + id + ": " + signal.finding().message()));
                    }
                }
            }
            if (changes.size() < DrillReport.CUSTOMERS_LISTED) {
                changes.add(new DrillReport.CustomerChange(id, s.profile().getSegment(), s.profile().getRegion(),
                        s.profile().getIndustry(), s.classBefore(), b.classAfter(), s.classAfter(), b.score(), s.score(),
                        b.limitAfter(), s.limitAfter(), b.prepaymentAfter(), s.prepaymentAfter(), b.termsAfter(),
                        s.termsAfter(), b.profile().getOverdueAmount(), s.profile().getOverdueAmount(), newTypes));
            }
        }
    }

    private static Set<String> signalKeys(CustomerAssessment a) {
        return a.signals().stream().map(s -> s.type() + "|" + s.severity()).collect(Collectors.toSet());
    }

    /** Runs the drill; reads only (the transaction is there for the profile query's settings). */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public DrillReport run(Scenario scenario, CompiledRuleSet rules, RunConstants constants) {
        RunConstants supposed = ScenarioFacts.constants(scenario, constants);
        ProfileWindow window = ProfileWindow.of(constants);
        AssessmentPolicy policy = new AssessmentPolicy(constants.autoIncreasePercent(), constants.limitRounding());
        boolean readsInvoices = scenario.kind() == Scenario.Kind.CUSTOMER_DEFAULT
                || scenario.kind() == Scenario.Kind.INVOICES_OVERDUE;
        Tally tally = new Tally();
        for (IdRange range : ranges()) {
            long read = System.nanoTime();
            List<ProfileRow> rows = profiles.rows(RunScope.all(), range.firstId(), range.lastId(), constants);
            Map<String, List<OpenInvoiceQuery.OpenInvoice>> open = readsInvoices
                    ? invoices.between(range.firstId(), range.lastId()).stream()
                    .collect(Collectors.groupingBy(OpenInvoiceQuery.OpenInvoice::customerId))
                    : Map.of();
            long assess = System.nanoTime();
            tally.readNanos += assess - read;
            List<Assessed> assessed = new ArrayList<>(rows.size());
            int failed = 0;
            for (ProfileRow row : rows) {
                Assessed a = assess(scenario, row, open.getOrDefault(row.id(), List.of()), window, constants, supposed,
                        rules, policy);
                if (a == null) {
                    failed++;
                } else {
                    assessed.add(a);
                }
            }
            tally.add(assessed, failed);
            tally.assessNanos += System.nanoTime() - assess;
        }
        return report(scenario, rules, constants, supposed, tally);
    }

    /** Whole portfolio: the portfolio and segment triggers need every customer's figures. */
    private List<IdRange> ranges() {
        return customers.idRanges(CustomerSelection.all(), config.chunkSize());
    }

    /** Both assessments of one customer, or null when its data cannot be assessed either way. */
    private static Assessed assess(Scenario scenario, ProfileRow row, List<OpenInvoiceQuery.OpenInvoice> open,
                                   ProfileWindow window, RunConstants constants, RunConstants supposed,
                                   CompiledRuleSet rules, AssessmentPolicy policy) {
        CustomerAssessment before = assessed(ProfileDerivation.derive(row, window, constants), rules, policy);
        if (before == null) {
            return null;
        }
        if (!ScenarioFacts.touches(scenario, row)) {
            return new Assessed(before, before, false);
        }
        ProfileRow changed = ScenarioFacts.apply(scenario, row, open, window);
        CustomerAssessment after = assessed(ProfileDerivation.derive(changed, window, supposed), rules, policy);
        return after == null ? null : new Assessed(before, after, true);
    }

    private static CustomerAssessment assessed(CustomerFigures figures, CompiledRuleSet rules, AssessmentPolicy policy) {
        if (figures.badData() != null) {
            return null;
        }
        CustomerAssessment assessment = CustomerAssessor.assess(rules, figures.profile(), policy);
        return assessment.failed() ? null : assessment;
    }

    private DrillReport report(Scenario scenario, CompiledRuleSet rules, RunConstants constants, RunConstants supposed,
                               Tally tally) {
        long start = System.nanoTime();
        ContingencyCatalog catalog = catalogs.of(rules);
        PortfolioTriggers.Outcome before = PortfolioTriggers.evaluate(tally.before, RunScope.all(), constants, rules);
        PortfolioTriggers.Outcome after = PortfolioTriggers.evaluate(tally.after, RunScope.all(), supposed, rules);
        List<PlanActivator.RaisedRisk> risksBefore = new ArrayList<>(tally.risksBefore);
        List<PlanActivator.RaisedRisk> risksAfter = new ArrayList<>(tally.risksAfter);
        raised(before.raised()).forEach(risksBefore::add);
        raised(after.raised()).forEach(risksAfter::add);
        Set<String> keysBefore = PlanActivator.activations(catalog, risksBefore, null).stream()
                .map(PlanActivation::activeKey).collect(Collectors.toSet());
        Set<String> active = new HashSet<>();
        for (PlanRecord plan : plans.active()) {
            active.add(plan.planCode() + "|" + plan.scope());
        }
        List<DrillReport.PlanView> planViews = new ArrayList<>();
        List<PlanActivation> fresh = new ArrayList<>();
        for (PlanActivation activation : PlanActivator.activations(catalog, risksAfter, null)) {
            boolean without = keysBefore.contains(activation.activeKey());
            boolean isActive = active.contains(activation.activeKey());
            if (!without && !isActive) {
                fresh.add(activation);
            }
            planViews.add(new DrillReport.PlanView(activation.plan().code(), activation.plan().description(),
                    activation.scope(), activation.risk().riskType(), activation.risk().level().name(), activation.rule(),
                    activation.message(), activation.actions().stream().map(DrillRunner::action).toList(), without, isActive));
        }
        List<DrillReport.AlertView> alerts = new ArrayList<>(tally.alerts);
        for (NewAlert alert : PlanActivator.notifications(fresh, null)) {
            alerts.add(new DrillReport.AlertView(alert.type(), alert.subjectType(), alert.subjectId(), alert.owner(),
                    alert.severity().name(), alert.message()));
        }
        Map<String, List<PlanActivation>> freshByScope = new LinkedHashMap<>();
        fresh.forEach(p -> freshByScope.computeIfAbsent(p.scope(), k -> new ArrayList<>()).add(p));
        long forecast = System.nanoTime();
        DrillReport.HeldOrders held = orders.forecast(tally.standings, freshByScope, constants.asOf(), rules);
        DrillReport.Timing timing = new DrillReport.Timing(tally.readNanos / 1_000_000, tally.assessNanos / 1_000_000,
                (forecast - start) / 1_000_000, (System.nanoTime() - forecast) / 1_000_000);
        DrillReport.Counts counts = new DrillReport.Counts(tally.customers, tally.touched, tally.changed, tally.failed,
                tally.classChanged, tally.classWorse, tally.decreased, tally.increased, tally.decreaseTotal,
                tally.increaseTotal, tally.prepaymentNew, tally.signalsAdded,
                tally.alertCount + alerts.size() - tally.alerts.size(), planViews.size(),
                (int) planViews.stream().filter(p -> !p.alsoWithoutScenario()).count(), held.wouldBeHeld());
        return new DrillReport(counts, tally.matrix, new DrillReport.Signals(signals(tally.before), signals(tally.after),
                tally.added, tally.signalsAdded > tally.added.size()), alerts, planViews, held, tally.changes,
                tally.changed > tally.changes.size(), triggers(before), triggers(after), notes(scenario), timing);
    }

    private static List<PlanActivator.RaisedRisk> raised(RaisedRisks raised) {
        return raised.getRaised().stream().map(r -> new PlanActivator.RaisedRisk(r.riskType(), r.scope(), r.finding())).toList();
    }

    private static DrillReport.ActionView action(PlanAction action) {
        return new DrillReport.ActionView(action.type().name(), action.riskClasses(), action.percent(), action.owners());
    }

    private static Map<String, Map<String, Integer>> signals(ChunkStats stats) {
        return stats.signals();
    }

    private static DrillReport.Triggers triggers(PortfolioTriggers.Outcome outcome) {
        return new DrillReport.Triggers(outcome.portfolio(), outcome.segments(), outcome.markets(), outcome.failure());
    }

    /** What the scenario leaves as it is, said with the report so nobody reads more into it. */
    private static List<String> notes(Scenario scenario) {
        List<String> notes = new ArrayList<>();
        notes.add("before = the same facts re-evaluated without the scenario; after = with it; nothing live was changed");
        switch (scenario.kind()) {
            case CUSTOMER_DEFAULT -> notes.add("every open invoice of the customer is moved to " + Scenario.DEFAULT_DAYS_OVERDUE
                    + " days past due (aging, overdue amount, oldest overdue item, invoices due and days late follow)");
            case INVOICES_OVERDUE -> notes.add("open invoices picked by CRC-32 of the invoice id (mod 10,000 below the share"
                    + " in hundredths of a percent) are moved to " + Scenario.SHARE_DAYS_OVERDUE
                    + " days past due; invoices older already stay as they are");
            case SALES_DROP -> notes.add("the last 3 full months' sales (and the 12-month total by as much) are scaled down;"
                    + " the median, its spread, the buying rhythm and the portfolio's total sales stay as they were");
            case MARKET_INDEX_DROP -> notes.add("the industry's latest index is scaled down and its drop against a year"
                    + " before computed again; customers of the industry see the new drop");
        }
        return notes;
    }
}
