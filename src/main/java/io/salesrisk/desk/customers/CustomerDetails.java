package io.salesrisk.desk.customers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesrisk.alert.persistence.AlertRecord;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.service.PlanService;
import io.salesrisk.customer.persistence.CustomerEntity;
import io.salesrisk.customer.service.CustomerService;
import io.salesrisk.customer.service.StandingSource;
import io.salesrisk.decision.service.DecisionService;
import io.salesrisk.invoice.persistence.ReceivableAging;
import io.salesrisk.invoice.service.InvoiceService;
import io.salesrisk.reevaluation.persistence.AssessmentRepository.AssessmentRecord;
import io.salesrisk.reevaluation.persistence.SignalRepository.SignalRecord;
import io.salesrisk.reevaluation.service.RunReports;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers one customer's page from the features that own the figures: master data, today's standing as the rules
 * see it, aging, the re-evaluation history, signals, alerts, covering plans and orders with their latest outcome.
 */
@ApplicationScoped
public class CustomerDetails {

    static final int ORDERS_PER_PAGE = 20;
    static final int HISTORY = 50;
    private static final DateTimeFormatter CHART_LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final CustomerService customers;
    private final StandingSource standings;
    private final InvoiceService invoices;
    private final RunReports runs;
    private final AlertService alerts;
    private final PlanService plans;
    private final DecisionService decisions;
    private final ObjectMapper mapper;

    public CustomerDetails(CustomerService customers, StandingSource standings, InvoiceService invoices, RunReports runs,
                           AlertService alerts, PlanService plans, DecisionService decisions, ObjectMapper mapper) {
        this.customers = customers;
        this.standings = standings;
        this.invoices = invoices;
        this.runs = runs;
        this.alerts = alerts;
        this.plans = plans;
        this.decisions = decisions;
        this.mapper = mapper;
    }

    /** One aging band: its label, amount and share of the open receivables (%, for the bar). */
    public record Band(String label, BigDecimal amount, double share) {
    }

    /** The orders section: one page of orders, newest first. */
    public record Orders(DecisionService.CustomerOrders page, int number, int pages) {

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }

        public int previous() {
            return number - 1;
        }

        public int next() {
            return number + 1;
        }
    }

    /**
     * The whole page. {@code history}, {@code signals} and {@code alerts} are empty for a reader who may not see
     * re-evaluation results (sales); {@code scoreChart} and {@code limitChart} are chart specs for desk.js, as JSON.
     */
    public record Detail(CustomerEntity customer, StandingSource.Standing standing, BigDecimal ownLimit,
                         List<Band> aging, BigDecimal agingTotal, List<AssessmentRecord> history, String scoreChart,
                         String limitChart, List<SignalRecord> signals, List<AlertRecord> alerts, List<PlanRecord> plans,
                         Orders orders) {

        /** The share of the limit (as the rules see it) in use, for the bar: 0 to 100. */
        public double usedBar() {
            return Math.max(0, Math.min(100, standing.exposure().getUtilizationPercent().doubleValue()));
        }

        /** The customer's own limit less the exposure (before any plan's cut). */
        public BigDecimal ownHeadroom() {
            return ownLimit.subtract(standing.exposure().getTotalExposure());
        }

        /** Whether the exposure is above the limit the rules see. */
        public boolean overLimit() {
            return standing.exposure().getAvailableCredit().signum() < 0;
        }

        /** Whether an active plan cuts the limit the rules see below the customer's own. */
        public boolean limitCut() {
            return standing.exposure().getLimitCutPercent().signum() > 0;
        }
    }

    /**
     * @param reviewer whether the reader sees re-evaluation results (risk officers and auditors, as the API)
     * @throws NotFoundException when the customer does not exist
     */
    public Detail of(String id, boolean reviewer, int ordersPage) {
        CustomerEntity customer = customers.find(id)
                .orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
        StandingSource.Standing standing = standings.standing(id)
                .orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
        ReceivableAging aging = invoices.aging(id);
        List<AssessmentRecord> history = reviewer ? runs.customerAssessments(id, HISTORY) : List.of();
        List<SignalRecord> signals = reviewer ? runs.customerSignals(id, HISTORY) : List.of();
        List<AlertRecord> customerAlerts = reviewer ? alerts.list(null, null, id, HISTORY, 0).stream()
                .filter(a -> "CUSTOMER".equals(a.subjectType())).toList() : List.of();
        List<PlanRecord> covering = plans.covering(customer.id, customer.segment, customer.industry);

        DecisionService.CustomerOrders firstTry = decisions.ordersOfCustomer(id, ORDERS_PER_PAGE,
                (Math.max(1, ordersPage) - 1) * ORDERS_PER_PAGE);
        int pages = (int) Math.max(1, (firstTry.total() + ORDERS_PER_PAGE - 1) / ORDERS_PER_PAGE);
        int number = Math.min(Math.max(1, ordersPage), pages);
        DecisionService.CustomerOrders page = number == Math.max(1, ordersPage) ? firstTry
                : decisions.ordersOfCustomer(id, ORDERS_PER_PAGE, (number - 1) * ORDERS_PER_PAGE);

        List<AssessmentRecord> oldestFirst = new ArrayList<>(history);
        java.util.Collections.reverse(oldestFirst);
        return new Detail(customer, standing, customer.creditLimit, bands(aging), aging.total(), history,
                scoreChart(oldestFirst), limitChart(oldestFirst), signals, customerAlerts, covering,
                new Orders(page, number, pages));
    }

    private static List<Band> bands(ReceivableAging aging) {
        BigDecimal total = aging.total();
        List<Band> bands = new ArrayList<>();
        bands.add(band("Not yet due", aging.notDue(), total));
        bands.add(band("1-30 days overdue", aging.overdue1To30(), total));
        bands.add(band("31-60 days overdue", aging.overdue31To60(), total));
        bands.add(band("61-90 days overdue", aging.overdue61To90(), total));
        bands.add(band("Over 90 days overdue", aging.overdueOver90(), total));
        return bands;
    }

    private static Band band(String label, BigDecimal amount, BigDecimal total) {
        double share = total.signum() == 0 ? 0 : amount.multiply(BigDecimal.valueOf(100))
                .divide(total, 1, RoundingMode.HALF_UP).doubleValue();
        return new Band(label, amount, share);
    }

    private String scoreChart(List<AssessmentRecord> oldestFirst) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("labels", labels(oldestFirst));
        spec.put("yLabel", "score");
        spec.put("series", List.of(Map.of("label", "score", "color", "#1f5fbf",
                "values", oldestFirst.stream().map(AssessmentRecord::score).toList())));
        return write(spec);
    }

    private String limitChart(List<AssessmentRecord> oldestFirst) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("labels", labels(oldestFirst));
        spec.put("yLabel", "credit limit");
        List<Object> proposed = oldestFirst.stream().map(a -> (Object) a.limitProposed()).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("label", "limit", "color", "#1e7a3c",
                "values", oldestFirst.stream().map(AssessmentRecord::limitAfter).toList()));
        if (proposed.stream().anyMatch(java.util.Objects::nonNull)) {
            Map<String, Object> proposal = new LinkedHashMap<>();
            proposal.put("label", "proposed");
            proposal.put("color", "#a86200");
            proposal.put("values", proposed);
            series.add(proposal);
        }
        spec.put("series", series);
        return write(spec);
    }

    private static List<String> labels(List<AssessmentRecord> oldestFirst) {
        return oldestFirst.stream().map(a -> a.assessedAt().withOffsetSameInstant(ZoneOffset.UTC).format(CHART_LABEL))
                .toList();
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
