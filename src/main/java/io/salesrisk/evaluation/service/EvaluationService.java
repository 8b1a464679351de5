package io.salesrisk.evaluation.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.salesrisk.common.Ids;
import io.salesrisk.common.money.CurrencyConverter;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.decision.persistence.DecisionWriter;
import io.salesrisk.decision.persistence.EvaluationWrite;
import io.salesrisk.decision.rest.DecisionView;
import io.salesrisk.decision.service.DecisionJson;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.evaluation.rest.EvaluateOrderRequest;
import io.salesrisk.exposure.CreditFiguresQuery;
import io.salesrisk.exposure.CreditStanding;
import io.salesrisk.exposure.ExposureService;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.Order;
import io.salesrisk.facts.Outcome;
import io.salesrisk.order.persistence.OrderStatus;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates an order before approval: reads the facts (customer, exposure, payment behaviour) in one query, runs
 * the active rule set, and stores the order and the decision with its fact snapshot in one transaction (shared with
 * other evaluations by the {@link DecisionWriter}). The answer is given only after the commit.
 */
@Startup // create the meters at boot, so dashboards show zero counts before the first order
@ApplicationScoped
public class EvaluationService {

    private final ExposureService exposure;
    private final CurrencyConverter currencies;
    private final ActiveRuleSet rules;
    private final DecisionJson json;
    private final DecisionWriter writer;
    private final Clock clock;
    private final boolean bypassEngine;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Timer engineTimer;

    public EvaluationService(ExposureService exposure, CurrencyConverter currencies, ActiveRuleSet rules,
                             DecisionJson json, DecisionWriter writer, Clock clock, MeterRegistry registry,
                             @ConfigProperty(name = "salesrisk.benchmark.bypass-engine", defaultValue = "false") boolean bypassEngine) {
        this.exposure = exposure;
        this.currencies = currencies;
        this.rules = rules;
        this.json = json;
        this.writer = writer;
        this.clock = clock;
        this.bypassEngine = bypassEngine;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, registry.counter("salesrisk.evaluations", "outcome", outcome.name()));
        }
        this.engineTimer = registry.timer("salesrisk.evaluation.engine");
    }

    /** Evaluates and stores; the reading and rule work runs on a worker thread, the caller is answered after commit. */
    public Uni<DecisionView> evaluate(EvaluateOrderRequest request, String user) {
        return Uni.createFrom().item(() -> prepare(request, user))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(prepared -> Uni.createFrom().completionStage(writer.write(prepared.write()))
                        // answer on a worker, not on the single writer thread that completed the commit
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .replaceWith(prepared.view()));
    }

    /** A decision taken and ready to be stored. */
    record Prepared(EvaluationWrite write, DecisionView view) {
    }

    Prepared prepare(EvaluateOrderRequest request, String user) {
        BigDecimal baseAmount = currencies.toBase(request.amount(), request.currency(), "currency");
        LocalDate today = LocalDate.now(clock);
        CreditStanding standing = exposure.standing(request.customerId(), baseAmount, request.orderId(), today)
                .orElseThrow(() -> new NotFoundException("customerId", "customer " + request.customerId() + " does not exist"));
        checkReEvaluation(standing.existingOrder(), request);

        OrderFacts facts = new OrderFacts(standing.customer(), FactMapper.order(request, baseAmount), standing.exposure(),
                standing.payment());
        CompiledRuleSet ruleSet = rules.current();
        OrderEvaluation evaluation = bypassEngine ? OrderEvaluator.bypass(ruleSet) : OrderEvaluator.evaluate(ruleSet, facts);
        Decision decision = evaluation.decision();
        outcomes.get(decision.getOutcome()).increment();
        engineTimer.record(evaluation.run().nanos(), TimeUnit.NANOSECONDS);

        UUID decisionId = Ids.timeOrdered();
        OffsetDateTime now = OffsetDateTime.now(clock);
        EvaluationWrite write = new EvaluationWrite(orderRow(facts.order(), decision.getOutcome(), decisionId, now,
                standing.existingOrder() != null), decisionRow(decisionId, facts, evaluation, now, user));
        DecisionView view = new DecisionView(decisionId, request.orderId(), request.customerId(), decision.getOutcome().name(),
                List.copyOf(decision.getConditions()), decision.getReasons(), facts.exposure(),
                facts.exposure().getCreditLimit(), facts.exposure().getAvailableCredit(), evaluation.rulesetVersion(), now,
                user, null, null);
        return new Prepared(write, view);
    }

    private static void checkReEvaluation(CreditFiguresQuery.ExistingOrder order, EvaluateOrderRequest request) {
        if (order == null) {
            return;
        }
        if (!order.customerId().equals(request.customerId())) {
            throw new ConflictException("customerId", "order " + request.orderId() + " belongs to customer " + order.customerId());
        }
        if (OrderStatus.INVOICED.name().equals(order.status()) || OrderStatus.CANCELLED.name().equals(order.status())) {
            throw new ConflictException("orderId", "order " + request.orderId() + " is " + order.status().toLowerCase()
                    + " and can no longer be evaluated");
        }
    }

    private static EvaluationWrite.OrderRow orderRow(Order order, Outcome outcome, UUID decisionId, OffsetDateTime now,
                                                     boolean existed) {
        OrderStatus status = switch (outcome) {
            case APPROVE -> OrderStatus.APPROVED;
            case REVIEW -> OrderStatus.IN_REVIEW;
            case BLOCK -> OrderStatus.BLOCKED;
        };
        return new EvaluationWrite.OrderRow(order.getId(), order.getCustomerId(), order.getAmount(), order.getCurrency(),
                order.getOriginalAmount(), order.getOrderDate(), order.getPaymentTermsDays(), order.getDiscountPercent(),
                order.isContractSigned(), order.getSalesRep(), order.getRequestedDeliveryDate(), status.name(), decisionId,
                now, existed);
    }

    private EvaluationWrite.DecisionRow decisionRow(UUID id, OrderFacts facts, OrderEvaluation evaluation,
                                                    OffsetDateTime now, String user) {
        Decision decision = evaluation.decision();
        return new EvaluationWrite.DecisionRow(id, facts.order().getId(), facts.customer().getId(),
                decision.getOutcome().name(), json.write(decision.getConditions()), json.write(decision.getReasons()),
                json.write(facts), json.write(evaluation.run().firedRules()), evaluation.rulesetVersion(), now, user,
                evaluation.run().nanos() / 1000);
    }
}
