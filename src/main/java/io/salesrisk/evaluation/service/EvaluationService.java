package io.salesrisk.evaluation.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.salesrisk.common.Ids;
import io.salesrisk.common.money.CurrencyConverter;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.contingency.service.ActivePlans;
import io.salesrisk.decision.persistence.DecisionWriter;
import io.salesrisk.decision.persistence.EvaluationWrite;
import io.salesrisk.decision.service.DecisionJson;
import io.salesrisk.decision.service.DecisionRecord;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.exposure.CreditFiguresQuery;
import io.salesrisk.exposure.CreditStanding;
import io.salesrisk.exposure.ExposureService;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.Order;
import io.salesrisk.facts.Outcome;
import io.salesrisk.order.persistence.OrderRow;
import io.salesrisk.order.persistence.OrderStatus;
import io.salesrisk.ordercheck.OrderEvaluation;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates an order before approval: reads the facts (customer, exposure, payment behaviour) in one query, adds the
 * measures of the active contingency plans that cover the customer, runs the active rule set, and stores the order
 * and the decision with its fact snapshot in one transaction (shared with other evaluations by the
 * {@link DecisionWriter}). The answer is given only after the commit.
 */
@Startup // create the meters at boot, so dashboards show zero counts before the first order
@ApplicationScoped
public class EvaluationService {

    private final ExposureService exposure;
    private final ActivePlans plans;
    private final CurrencyConverter currencies;
    private final ActiveRuleSet rules;
    private final DecisionJson json;
    private final DecisionWriter writer;
    private final Clock clock;
    private final ReleaseLookup releases;
    private final boolean bypassEngine;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Timer engineTimer;

    public EvaluationService(ExposureService exposure, ActivePlans plans, CurrencyConverter currencies, ActiveRuleSet rules,
                             DecisionJson json, DecisionWriter writer, Clock clock, MeterRegistry registry,
                             ReleaseLookup releases,
                             @ConfigProperty(name = "salesrisk.benchmark.bypass-engine", defaultValue = "false") boolean bypassEngine) {
        this.exposure = exposure;
        this.plans = plans;
        this.currencies = currencies;
        this.rules = rules;
        this.json = json;
        this.writer = writer;
        this.clock = clock;
        this.releases = releases;
        this.bypassEngine = bypassEngine;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, registry.counter("salesrisk.evaluations", "outcome", outcome.name()));
        }
        this.engineTimer = registry.timer("salesrisk.evaluation.engine");
    }

    /** Evaluates and stores; the reading and rule work runs on a worker thread, the caller is answered after commit. */
    public Uni<DecisionRecord> evaluate(OrderToEvaluate request, String user) {
        return evaluate(request, user, null);
    }

    /**
     * Evaluates and stores an order someone asked to evaluate again (an officer's recheck, a lifecycle change); the
     * cause is recorded on the order's hold with the decision, in the same transaction.
     */
    public Uni<DecisionRecord> evaluate(OrderToEvaluate request, String user, EvaluationWrite.Cause cause) {
        return Uni.createFrom().item(() -> counted(prepare(request, user, cause)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(prepared -> Uni.createFrom().completionStage(writer.write(prepared.write()))
                        // answer on a worker, not on the single writer thread that completed the commit
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .replaceWith(prepared.decision()));
    }

    /** A decision taken and ready to be stored. */
    record Prepared(EvaluationWrite write, DecisionRecord decision, long engineNanos) {
    }

    /** Counts an evaluation that will be stored (an assessment for release is not an evaluation of the order). */
    private Prepared counted(Prepared prepared) {
        outcomes.get(Outcome.valueOf(prepared.decision().outcome())).increment();
        engineTimer.record(prepared.engineNanos(), TimeUnit.NANOSECONDS);
        return prepared;
    }

    /**
     * What the active rules decide for the order now, on current data, without storing anything (evaluate for
     * release: an officer is told the hold could be released).
     */
    public DecisionRecord assess(OrderToEvaluate request, String user) {
        return prepare(request, user, null).decision();
    }

    Prepared prepare(OrderToEvaluate request, String user) {
        return prepare(request, user, null);
    }

    Prepared prepare(OrderToEvaluate request, String user, EvaluationWrite.Cause cause) {
        BigDecimal baseAmount = currencies.toBase(request.amount(), request.currency(), "currency");
        String decimals = currencies.amountProblem(request.amount(), request.currency());
        if (decimals != null) {
            throw InvalidInputException.field("amount", "amount " + request.amount().toPlainString() + " " + decimals);
        }
        LocalDate today = LocalDate.now(clock);
        CreditStanding standing = exposure.standing(request.customerId(), baseAmount, request.orderId(), today)
                .orElseThrow(() -> new NotFoundException("customerId", "customer " + request.customerId() + " does not exist"));
        checkReEvaluation(standing.existingOrder(), request);

        OrderFacts facts = facts(standing, request.toFact(baseAmount));
        CompiledRuleSet ruleSet = rules.current();
        OrderStatus previousStatus = standing.existingOrder() == null ? null : standing.existingOrder().status();
        // a released order changed within the release tolerance stays released without a full check
        OrderEvaluation evaluation = previousStatus == OrderStatus.RELEASED
                ? releases.validRelease(request.orderId(), today)
                        .flatMap(release -> OrderEvaluator.withinReleaseTolerance(ruleSet, facts, release.amount(),
                                release.releasedAt().toLocalDate(), release.releasedBy(), today))
                        .orElse(null)
                : null;
        boolean keptRelease = evaluation != null;
        if (evaluation == null) {
            evaluation = bypassEngine ? OrderEvaluator.bypass(ruleSet) : OrderEvaluator.evaluate(ruleSet, facts);
        }
        Decision decision = evaluation.decision();

        UUID decisionId = Ids.timeOrdered();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OrderStatus status = keptRelease ? OrderStatus.RELEASED : statusFor(decision.getOutcome());
        EvaluationWrite write = new EvaluationWrite(orderRow(facts.order(), status, decisionId, now, user),
                standing.existingOrder() != null, previousStatus, decisionRow(decisionId, facts, evaluation, now, user),
                facts, decision.getReasons(), cause);
        DecisionRecord taken = new DecisionRecord(decisionId, request.orderId(), request.customerId(),
                decision.getOutcome().name(), List.copyOf(decision.getConditions()), decision.getReasons(), facts,
                evaluation.run().firedRules(), evaluation.rulesetVersion(), now, user);
        return new Prepared(write, taken, evaluation.run().nanos());
    }

    /**
     * The customer's standing today as the active rules see it for a new order: the exposure measured against the
     * limit after the rules applied the active contingency plans (a plan's limit cut is a rule's action).
     */
    public Optional<CreditStanding> standingUnderRules(String customerId) {
        LocalDate today = LocalDate.now(clock);
        return exposure.standing(customerId, BigDecimal.ZERO, null, today).map(standing -> {
            Order none = new Order();
            none.setId("(standing)");
            none.setCustomerId(customerId);
            none.setCurrency(currencies.base());
            none.setOrderDate(today);
            OrderFacts facts = facts(standing, none);
            OrderEvaluator.evaluate(rules.current(), facts);
            return new CreditStanding(facts.customer(), standing.existingOrder(), facts.exposure(), facts.payment());
        });
    }

    /** The facts of one evaluation: the standing, the order and the measures of the plans that cover the customer. */
    private OrderFacts facts(CreditStanding standing, Order order) {
        Customer customer = standing.customer();
        customer.setActivePlans(plans.covering(customer.getId(), customer.getSegment(), customer.getIndustry()));
        return new OrderFacts(customer, order, standing.exposure(), standing.payment(),
                plans.measuresFor(customer.getId(), customer.getSegment(), customer.getIndustry()));
    }

    private static void checkReEvaluation(CreditFiguresQuery.ExistingOrder order, OrderToEvaluate request) {
        if (order == null) {
            return;
        }
        if (!order.customerId().equals(request.customerId())) {
            throw new ConflictException("customerId", "order " + request.orderId() + " belongs to customer " + order.customerId());
        }
        if (order.status().closed()) {
            throw new ConflictException("orderId", "order " + request.orderId() + " is " + order.status().name().toLowerCase()
                    + " and can no longer be evaluated");
        }
    }

    private static OrderStatus statusFor(Outcome outcome) {
        return switch (outcome) {
            case APPROVE -> OrderStatus.APPROVED;
            case REVIEW -> OrderStatus.IN_REVIEW;
            case BLOCK -> OrderStatus.BLOCKED;
        };
    }

    private static OrderRow orderRow(Order order, OrderStatus status, UUID decisionId, OffsetDateTime now, String user) {
        return new OrderRow(order.getId(), order.getCustomerId(), order.getAmount(), order.getCurrency(),
                order.getOriginalAmount(), order.getOrderDate(), order.getPaymentTermsDays(), order.getDiscountPercent(),
                order.isContractSigned(), order.getSalesRep(), order.getRequestedDeliveryDate(), status, decisionId, now,
                user);
    }

    private EvaluationWrite.DecisionRow decisionRow(UUID id, OrderFacts facts, OrderEvaluation evaluation,
                                                    OffsetDateTime now, String user) {
        Decision decision = evaluation.decision();
        return new EvaluationWrite.DecisionRow(id, facts.order().getId(), facts.customer().getId(),
                decision.getOutcome().name(), json.write(decision.getConditions()), json.write(decision.getReasons()),
                json.write(facts), json.write(evaluation.run().firedRules()), evaluation.run().firedRules(),
                evaluation.rulesetVersion(), now, user,
                evaluation.run().nanos() / 1000);
    }
}
