package io.salesrisk.hold.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.salesrisk.common.Ids;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.decision.persistence.EvaluationWrite;
import io.salesrisk.decision.service.DecisionRecord;
import io.salesrisk.evaluation.service.EvaluationService;
import io.salesrisk.evaluation.service.OrderToEvaluate;
import io.salesrisk.hold.persistence.HoldEntity;
import io.salesrisk.hold.persistence.HoldRepository;
import io.salesrisk.hold.persistence.HoldStatus;
import io.salesrisk.hold.persistence.RecheckRunEntity;
import io.salesrisk.hold.persistence.WorklistFilter;
import io.salesrisk.order.persistence.SalesOrderEntity;
import io.salesrisk.order.persistence.SalesOrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Evaluates held orders again on current data and the active rules. A recheck an officer asks for stores the new
 * decision (an approval closes the hold by itself); a background run over the open holds ("evaluate for release",
 * also after a customer re-evaluation run and after a payment) only marks the holds whose reasons have cleared as
 * ready to release, or releases them where {@code salesrisk.holds.auto-release} is on.
 */
@ApplicationScoped
public class RecheckService {

    /** What a recheck found. */
    public record Recheck(String orderId, String outcome, UUID decisionId, String holdStatus, String orderStatus,
                          String message) {
    }

    private static final int MAX_RUN_SIZE = 1_000_000;
    private static final Duration EVALUATION_WAIT = Duration.ofSeconds(60);

    private final EvaluationService evaluations;
    private final HoldService holdService;
    private final HoldRepository holds;
    private final SalesOrderRepository orders;
    private final ManagedExecutor executor;
    private final ObjectMapper mapper;
    private final Clock clock;

    public RecheckService(EvaluationService evaluations, HoldService holdService, HoldRepository holds,
                          SalesOrderRepository orders, ObjectMapper mapper, Clock clock) {
        this.evaluations = evaluations;
        this.holdService = holdService;
        this.holds = holds;
        this.orders = orders;
        // runs start from event observers at the end of a transaction: they must never take the caller's with them
        this.executor = ManagedExecutor.builder().maxAsync(2).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
        this.mapper = mapper;
        this.clock = clock;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Evaluates a held order again and stores the decision; the hold closes by itself if it now approves. */
    public Recheck recheck(String orderId, String actor, String comment) {
        OrderToEvaluate request = heldOrder(orderId);
        return evaluateAndStore(request, actor, new EvaluationWrite.Cause("RECHECKED", actor, comment));
    }

    /** Evaluates an order again because something changed (a lifecycle event, an expired release). */
    public Recheck evaluateAgain(OrderToEvaluate request, String actor, String action, String comment) {
        return evaluateAndStore(request, actor, new EvaluationWrite.Cause(action, actor, comment));
    }

    private Recheck evaluateAndStore(OrderToEvaluate request, String actor, EvaluationWrite.Cause cause) {
        DecisionRecord decision = evaluations.evaluate(request, actor, cause).await().atMost(EVALUATION_WAIT);
        return after(request.orderId(), decision);
    }

    @Transactional
    Recheck after(String orderId, DecisionRecord decision) {
        HoldEntity hold = holds.latest(orderId).orElse(null);
        SalesOrderEntity order = orders.findById(orderId);
        String holdStatus = hold == null ? null : hold.status.name();
        String message = switch (decision.outcome()) {
            case "APPROVE" -> order.status == io.salesrisk.order.persistence.OrderStatus.RELEASED
                    ? "kept released: " + decision.reasons().get(0).message()
                    : hold != null && hold.status == HoldStatus.CLEARED
                    ? "the rules approve it now: the hold closed by itself" : "the rules approve it now";
            default -> "held: " + decision.outcome() + " by " + String.join(", ", decision.reasons().stream()
                    .filter(r -> !"APPROVE".equals(r.outcome().name())).map(r -> r.rule()).distinct().toList());
        };
        return new Recheck(orderId, decision.outcome(), decision.id(), holdStatus, order.status.name(), message);
    }

    /** The stored order, as the CRM would send it again, if it has an open hold (else 409, or 404). */
    @Transactional
    OrderToEvaluate heldOrder(String orderId) {
        holdService.requireOpenHold(orderId);
        return toEvaluate(orders.findById(orderId));
    }

    /** The stored order as an evaluation request. */
    public static OrderToEvaluate toEvaluate(SalesOrderEntity order) {
        return new OrderToEvaluate(order.id, order.customerId, order.originalAmount, order.currency, order.orderDate,
                order.paymentTermsDays, order.discountPercent, order.contractSigned, order.salesRep,
                order.requestedDeliveryDate);
    }

    /** Starts a background recheck of the open holds that pass the filter; returns the run. */
    public RecheckRunEntity start(WorklistFilter filter, String trigger, String requestedBy) {
        List<String> orderIds = holds.openOrderIds(filter, MAX_RUN_SIZE);
        RecheckRunEntity run = create(filter, trigger, requestedBy, orderIds.size());
        executor.runAsync(() -> execute(run.id, orderIds));
        return run;
    }

    /**
     * Starts a background recheck from another thread: for observers of events that fire while (or just after) a
     * transaction completes, where this thread can no longer use the database.
     */
    public void startLater(WorklistFilter filter, String trigger, String requestedBy) {
        executor.runAsync(() -> {
            try {
                start(filter, trigger, requestedBy);
            } catch (RuntimeException e) {
                Log.errorf(e, "the recheck after %s could not start", requestedBy);
            }
        });
    }

    @Transactional
    RecheckRunEntity create(WorklistFilter filter, String trigger, String requestedBy, int total) {
        RecheckRunEntity run = new RecheckRunEntity();
        run.id = Ids.timeOrdered();
        run.status = "RUNNING";
        run.trigger = trigger;
        run.requestedBy = requestedBy;
        try {
            run.filter = mapper.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            run.filter = String.valueOf(filter);
        }
        run.total = total;
        run.createdAt = OffsetDateTime.now(clock);
        run.updatedAt = run.createdAt;
        run.persist();
        return run;
    }

    /**
     * Ends the runs whose instance stopped (no progress for {@code stalledAfter}): they are reported FAILED instead of
     * RUNNING for ever. The holds they did not reach are unchanged; the next recheck takes them.
     */
    @Transactional
    public int failStalledRuns(Duration stalledAfter) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<RecheckRunEntity> stalled = RecheckRunEntity.<RecheckRunEntity>list("status = ?1 and updatedAt < ?2",
                "RUNNING", now.minus(stalledAfter));
        for (RecheckRunEntity run : stalled) {
            run.status = "FAILED";
            run.failure = "no progress since " + run.updatedAt + ": the instance running it stopped; the holds it did not"
                    + " reach are unchanged, start a new recheck";
            run.finishedAt = now;
            run.updatedAt = now;
            Log.warnf("recheck run %s failed: %s", run.id, run.failure);
        }
        return stalled.size();
    }

    /** The latest background rechecks, newest first. */
    @Transactional
    public List<RecheckRunEntity> latestRuns(int max) {
        return RecheckRunEntity.<RecheckRunEntity>find("order by createdAt desc").page(0, max).list();
    }

    @Transactional
    public RecheckRunEntity run(UUID id) {
        RecheckRunEntity run = RecheckRunEntity.findById(id);
        if (run == null) {
            throw new NotFoundException("id", "recheck run " + id + " does not exist");
        }
        return run;
    }

    void execute(UUID runId, List<String> orderIds) {
        int checked = 0;
        int cleared = 0;
        int released = 0;
        int stillHeld = 0;
        int failed = 0;
        try {
            for (String orderId : orderIds) {
                try {
                    SalesOrderEntity order = storedOrder(orderId);
                    DecisionRecord now = evaluations.assess(toEvaluate(order), "recheck");
                    if ("APPROVE".equals(now.outcome())) {
                        HoldStatus status = holdService.clearedOnRecheck(orderId, "the rules approve it now (recheck "
                                + runId + " on " + LocalDate.now(clock) + ", rule set " + now.rulesetVersion() + ")", "recheck");
                        if (status == HoldStatus.RELEASED) {
                            released++;
                        } else if (status != null) {
                            cleared++;
                        }
                    } else {
                        holdService.stillHeldOnRecheck(orderId);
                        stillHeld++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    Log.warnf("recheck of order %s failed: %s", orderId, e.getMessage());
                }
                checked++;
                if (checked % 100 == 0) {
                    progress(runId, checked, cleared, released, stillHeld, failed, null, false);
                }
            }
            progress(runId, checked, cleared, released, stillHeld, failed, null, true);
        } catch (RuntimeException e) {
            Log.errorf(e, "recheck run %s failed", runId);
            progress(runId, checked, cleared, released, stillHeld, failed, e.getMessage(), true);
        }
    }

    @Transactional
    SalesOrderEntity storedOrder(String orderId) {
        return orders.findById(orderId);
    }

    @Transactional
    void progress(UUID runId, int checked, int cleared, int released, int stillHeld, int failed, String failure,
                  boolean finished) {
        RecheckRunEntity run = RecheckRunEntity.findById(runId);
        run.checked = checked;
        run.cleared = cleared;
        run.released = released;
        run.stillHeld = stillHeld;
        run.failed = failed;
        run.updatedAt = OffsetDateTime.now(clock);
        if (finished) {
            run.status = failure == null ? "COMPLETED" : "FAILED";
            run.failure = failure;
            run.finishedAt = OffsetDateTime.now(clock);
        }
    }
}
