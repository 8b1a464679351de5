package io.salesrisk.drill.service;

import io.salesrisk.contingency.catalog.PlanAction;
import io.salesrisk.contingency.persistence.PlanActivation;
import io.salesrisk.contingency.service.ActivePlans;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.exposure.CreditConfig;
import io.salesrisk.exposure.CreditStanding;
import io.salesrisk.exposure.ExposureService;
import io.salesrisk.facts.ContingencyMeasure;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.Order;
import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.Reason;
import io.salesrisk.order.persistence.OrderStatus;
import io.salesrisk.order.persistence.SalesOrderEntity;
import io.salesrisk.order.persistence.SalesOrderRepository;
import io.salesrisk.ordercheck.OrderEvaluation;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.ordercheck.OrderFacts;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The held orders a drill's scenario would bring: the open orders (approved, in review, blocked) of the customers
 * whose standing the scenario changes, or that a plan it newly activates covers, evaluated again by the order rules
 * of the drilled version with the customer's class, limit, terms, prepayment and overdue figures under the scenario
 * and the measures of the active and the newly activated plans. Released orders stay released (their officers
 * decided, and the release tolerance keeps them). Nothing is stored.
 */
@ApplicationScoped
public class HeldOrderForecast {

    /** Orders decided again at most per drill. */
    static final int MAX_ORDERS = 2000;
    /** Customers per query of their orders. */
    private static final int IDS_PER_QUERY = 500;
    static final String SELECTION = "open orders (APPROVED, IN_REVIEW, BLOCKED) of the customers whose class, limit, "
            + "terms, prepayment or overdue figures the scenario changes, or that a plan it newly activates covers, "
            + "decided again by the order rules with the figures under the scenario";

    /** A customer's standing under the scenario, as the order rules will see it. */
    public record Standing(String customerId, String segment, String industry, String riskClass, BigDecimal creditLimit,
                           int termsDays, boolean prepayment, BigDecimal overdueAmount, int oldestOverdueDays,
                           boolean changed) {
    }

    private final SalesOrderRepository orders;
    private final ExposureService exposure;
    private final ActivePlans activePlans;
    private final CreditConfig credit;

    public HeldOrderForecast(SalesOrderRepository orders, ExposureService exposure, ActivePlans activePlans,
                             CreditConfig credit) {
        this.orders = orders;
        this.exposure = exposure;
        this.activePlans = activePlans;
        this.credit = credit;
    }

    /**
     * Decides the orders again.
     *
     * @param freshPlans the plans the scenario newly activates, by scope
     */
    public DrillReport.HeldOrders forecast(List<Standing> standings, Map<String, List<PlanActivation>> freshPlans,
                                           LocalDate asOf, CompiledRuleSet rules) {
        Map<String, Standing> affected = new java.util.LinkedHashMap<>();
        for (Standing s : standings) {
            if (s.changed() || !covering(freshPlans, s).isEmpty()) {
                affected.put(s.customerId(), s);
            }
        }
        List<DrillReport.OrderView> held = new ArrayList<>();
        int decided = 0;
        int newlyHeld = 0;
        int approved = 0;
        boolean truncated = false;
        List<String> ids = new ArrayList<>(affected.keySet());
        for (int from = 0; from < ids.size() && !truncated; from += IDS_PER_QUERY) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            List<SalesOrderEntity> open = orders.list("customerId in ?1 and status in ?2 order by customerId, id", batch,
                    List.of(OrderStatus.APPROVED, OrderStatus.IN_REVIEW, OrderStatus.BLOCKED));
            for (SalesOrderEntity order : open) {
                if (decided == MAX_ORDERS) {
                    truncated = true;
                    break;
                }
                Standing s = affected.get(order.customerId);
                OrderEvaluation evaluation = decide(order, s, covering(freshPlans, s), asOf, rules);
                if (evaluation == null) {
                    continue;
                }
                decided++;
                Outcome outcome = evaluation.decision().getOutcome();
                if (outcome == Outcome.APPROVE) {
                    approved += order.status.held() ? 1 : 0;
                    continue;
                }
                newlyHeld += order.status.held() ? 0 : 1;
                held.add(new DrillReport.OrderView(order.id, order.customerId, order.amount, order.status.name(),
                        outcome.name(), evaluation.decision().getReasons().stream()
                        .filter(r -> r.outcome() != Outcome.APPROVE).map(HeldOrderForecast::reason).toList()));
            }
        }
        return new DrillReport.HeldOrders(SELECTION, decided, held.size(), newlyHeld, approved, held, truncated);
    }

    private static String reason(Reason reason) {
        return reason.rule() + ": " + reason.message();
    }

    /** The newly activated plans that cover the customer: portfolio, its segment, its industry, itself. */
    private static List<PlanActivation> covering(Map<String, List<PlanActivation>> fresh, Standing s) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<PlanActivation> covering = new ArrayList<>();
        for (String scope : new String[]{"PORTFOLIO", "SEGMENT:" + s.segment(), "INDUSTRY:" + s.industry(),
                "CUSTOMER:" + s.customerId()}) {
            covering.addAll(fresh.getOrDefault(scope, List.of()));
        }
        return covering;
    }

    /** The order rules' answer under the scenario; null when the customer is gone. */
    private OrderEvaluation decide(SalesOrderEntity stored, Standing s, List<PlanActivation> fresh, LocalDate asOf,
                                   CompiledRuleSet rules) {
        CreditStanding standing = exposure.standing(stored.customerId, stored.amount, stored.id, asOf).orElse(null);
        if (standing == null) {
            return null;
        }
        Customer customer = standing.customer();
        customer.setRiskClass(s.riskClass());
        customer.setCreditLimit(s.creditLimit());
        customer.setAllowedPaymentTermsDays(s.termsDays());
        customer.setPrepaymentRequired(s.prepayment());
        List<ContingencyMeasure> measures = new ArrayList<>(activePlans.measuresFor(customer.getId(),
                customer.getSegment(), customer.getIndustry()));
        TreeSet<String> planCodes = new TreeSet<>(activePlans.covering(customer.getId(), customer.getSegment(),
                customer.getIndustry()));
        for (PlanActivation plan : fresh) {
            planCodes.add(plan.plan().code());
            for (PlanAction action : plan.actions()) {
                if (action.type() != PlanAction.Type.NOTIFY) {
                    measures.add(new ContingencyMeasure(plan.plan().code(), plan.scope(), plan.risk().riskType(),
                            plan.risk().level().name(), action.type().name(), action.percent(), action.riskClasses()));
                }
            }
        }
        customer.setActivePlans(List.copyOf(planCodes));
        CreditExposure was = standing.exposure();
        CreditExposure supposed = CreditExposure.of(asOf, credit.exposureHorizonDays(), s.creditLimit(),
                was.getOpenReceivables(), s.overdueAmount(), s.oldestOverdueDays(), was.getOpenOrders(), stored.amount);
        return OrderEvaluator.evaluate(rules, new OrderFacts(customer, order(stored), supposed, standing.payment(), measures));
    }

    private static Order order(SalesOrderEntity stored) {
        Order order = new Order();
        order.setId(stored.id);
        order.setCustomerId(stored.customerId);
        order.setAmount(stored.amount);
        order.setCurrency(stored.currency);
        order.setOriginalAmount(stored.originalAmount);
        order.setOrderDate(stored.orderDate);
        order.setPaymentTermsDays(stored.paymentTermsDays);
        order.setDiscountPercent(stored.discountPercent == null ? BigDecimal.ZERO : stored.discountPercent);
        order.setContractSigned(stored.contractSigned);
        order.setSalesRep(stored.salesRep);
        order.setRequestedDeliveryDate(stored.requestedDeliveryDate);
        return order;
    }
}
