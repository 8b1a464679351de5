package io.salesrisk.evaluation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Timer;
import io.salesrisk.common.Ids;
import io.salesrisk.common.money.CurrencyConverter;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.customer.persistence.CustomerEntity;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.decision.persistence.DecisionEntity;
import io.salesrisk.decision.rest.DecisionView;
import io.salesrisk.decision.service.DecisionJson;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.evaluation.rest.EvaluateOrderRequest;
import io.salesrisk.exposure.CreditStanding;
import io.salesrisk.exposure.ExposureService;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.Outcome;
import io.salesrisk.order.persistence.OrderStatus;
import io.salesrisk.order.persistence.SalesOrderEntity;
import io.salesrisk.order.persistence.SalesOrderRepository;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates an order before approval: gathers the facts (customer, exposure, payment behaviour), runs the active
 * rule set, and stores the order and the decision with its fact snapshot in one transaction.
 */
@Startup // create the meters at boot, so dashboards show zero counts before the first order
@ApplicationScoped
public class EvaluationService {

    private final CustomerRepository customers;
    private final SalesOrderRepository orders;
    private final ExposureService exposure;
    private final CurrencyConverter currencies;
    private final ActiveRuleSet rules;
    private final DecisionJson json;
    private final EntityManager em;
    private final Clock clock;
    private final boolean bypassEngine;
    private final Map<Outcome, io.micrometer.core.instrument.Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Timer engineTimer;

    public EvaluationService(CustomerRepository customers, SalesOrderRepository orders, ExposureService exposure,
                             CurrencyConverter currencies, ActiveRuleSet rules, DecisionJson json, EntityManager em,
                             Clock clock, MeterRegistry registry,
                             @ConfigProperty(name = "salesrisk.benchmark.bypass-engine", defaultValue = "false") boolean bypassEngine) {
        this.customers = customers;
        this.orders = orders;
        this.exposure = exposure;
        this.currencies = currencies;
        this.rules = rules;
        this.json = json;
        this.em = em;
        this.clock = clock;
        this.bypassEngine = bypassEngine;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, registry.counter("salesrisk.evaluations", "outcome", outcome.name()));
        }
        this.engineTimer = registry.timer("salesrisk.evaluation.engine");
    }

    @Transactional
    public DecisionView evaluate(EvaluateOrderRequest request, String user) {
        CustomerEntity customer = customers.findByIdOptional(request.customerId())
                .orElseThrow(() -> new NotFoundException("customerId", "customer " + request.customerId() + " does not exist"));
        BigDecimal baseAmount = currencies.toBase(request.amount(), request.currency(), "currency");
        SalesOrderEntity order = orders.findById(request.orderId());
        checkReEvaluation(order, request);

        LocalDate today = LocalDate.now(clock);
        CreditStanding standing = exposure.standing(customer.id, customer.creditLimit, baseAmount, request.orderId(), today);
        OrderFacts facts = new OrderFacts(FactMapper.customer(customer), FactMapper.order(request, baseAmount),
                standing.exposure(), standing.payment());
        CompiledRuleSet ruleSet = rules.current();
        OrderEvaluation evaluation = bypassEngine ? OrderEvaluator.bypass(ruleSet) : OrderEvaluator.evaluate(ruleSet, facts);

        UUID decisionId = Ids.timeOrdered();
        OffsetDateTime now = OffsetDateTime.now(clock);
        saveOrder(order, request, baseAmount, evaluation.decision().getOutcome(), decisionId, now);
        DecisionEntity decision = saveDecision(decisionId, facts, evaluation, now, user);

        outcomes.get(evaluation.decision().getOutcome()).increment();
        engineTimer.record(evaluation.run().nanos(), TimeUnit.NANOSECONDS);
        return view(decision, evaluation.decision(), facts);
    }

    private static void checkReEvaluation(SalesOrderEntity order, EvaluateOrderRequest request) {
        if (order == null) {
            return;
        }
        if (!order.customerId.equals(request.customerId())) {
            throw new ConflictException("customerId", "order " + order.id + " belongs to customer " + order.customerId);
        }
        if (order.status == OrderStatus.INVOICED || order.status == OrderStatus.CANCELLED) {
            throw new ConflictException("orderId", "order " + order.id + " is " + order.status.name().toLowerCase()
                    + " and can no longer be evaluated");
        }
    }

    private void saveOrder(SalesOrderEntity existing, EvaluateOrderRequest request, BigDecimal baseAmount, Outcome outcome,
                           UUID decisionId, OffsetDateTime now) {
        SalesOrderEntity order = existing == null ? new SalesOrderEntity() : existing;
        order.id = request.orderId();
        order.customerId = request.customerId();
        order.amount = baseAmount;
        order.currency = request.currency();
        order.originalAmount = request.amount().setScale(2, java.math.RoundingMode.HALF_UP);
        order.orderDate = request.orderDate();
        order.paymentTermsDays = request.paymentTermsDays();
        order.discountPercent = request.discountPercent() == null ? BigDecimal.ZERO : request.discountPercent();
        order.contractSigned = Boolean.TRUE.equals(request.contractSigned());
        order.salesRep = request.salesRep();
        order.requestedDeliveryDate = request.requestedDeliveryDate();
        order.status = switch (outcome) {
            case APPROVE -> OrderStatus.APPROVED;
            case REVIEW -> OrderStatus.IN_REVIEW;
            case BLOCK -> OrderStatus.BLOCKED;
        };
        order.lastDecisionId = decisionId;
        order.updatedAt = now;
        if (existing == null) {
            em.persist(order);
        }
    }

    private DecisionEntity saveDecision(UUID id, OrderFacts facts, OrderEvaluation evaluation, OffsetDateTime now, String user) {
        Decision decision = evaluation.decision();
        DecisionEntity entity = new DecisionEntity();
        entity.id = id;
        entity.orderId = facts.order().getId();
        entity.customerId = facts.customer().getId();
        entity.outcome = decision.getOutcome().name();
        entity.conditions = json.write(decision.getConditions());
        entity.reasons = json.write(decision.getReasons());
        entity.facts = json.write(facts);
        entity.firedRules = json.write(evaluation.run().firedRules());
        entity.rulesetVersion = evaluation.rulesetVersion();
        entity.evaluatedAt = now;
        entity.evaluatedBy = user;
        entity.engineMicros = evaluation.run().nanos() / 1000;
        em.persist(entity);
        return entity;
    }

    private static DecisionView view(DecisionEntity entity, Decision decision, OrderFacts facts) {
        return new DecisionView(entity.id, entity.orderId, entity.customerId, entity.outcome,
                List.copyOf(decision.getConditions()), decision.getReasons(), facts.exposure(),
                facts.exposure().getCreditLimit(), facts.exposure().getAvailableCredit(), entity.rulesetVersion,
                entity.evaluatedAt, entity.evaluatedBy, null, null);
    }
}
