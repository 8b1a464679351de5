package io.salesrisk.hold.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.salesrisk.hold.persistence.HoldEntity;
import io.salesrisk.hold.persistence.HoldMetrics;
import io.salesrisk.hold.persistence.HoldRepository;
import io.salesrisk.hold.persistence.WorklistFilter;
import io.salesrisk.invoice.service.PaymentRecorded;
import io.salesrisk.order.persistence.OrderStatus;
import io.salesrisk.order.persistence.SalesOrderEntity;
import io.salesrisk.order.persistence.SalesOrderRepository;
import io.salesrisk.reevaluation.run.ReevaluationCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * What starts rechecks without an officer: a completed customer re-evaluation run (all open holds), a payment
 * recorded for a customer (that customer's holds), and released orders whose validity ran out (put back for a
 * full recheck). Also keeps the open-hold gauges current.
 */
@ApplicationScoped
public class HoldTriggers {

    private final RecheckService rechecks;
    private final HoldRepository holds;
    private final SalesOrderRepository orders;
    private final HoldMetrics metrics;
    private final Clock clock;

    public HoldTriggers(RecheckService rechecks, HoldRepository holds, SalesOrderRepository orders, HoldMetrics metrics,
                        Clock clock) {
        this.rechecks = rechecks;
        this.holds = holds;
        this.orders = orders;
        this.metrics = metrics;
        this.clock = clock;
    }

    void afterReevaluation(@Observes ReevaluationCompleted completed) {
        rechecks.startLater(filter(null), "REEVALUATION", "re-evaluation " + completed.runId());
    }

    void afterPayment(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentRecorded payment) {
        rechecks.startLater(filter(payment.customerId()), "PAYMENT", "payment " + payment.invoiceId());
    }

    private WorklistFilter filter(String customerId) {
        return new WorklistFilter(customerId, null, null, null, null, null, null, null, null, null, null,
                LocalDate.now(clock));
    }

    /** Released orders whose release ran out are evaluated again in full (their tolerance no longer applies). */
    @Scheduled(every = "${salesrisk.holds.expiry-check-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void putBackExpiredReleases() {
        for (String orderId : expired()) {
            try {
                SalesOrderEntity order = orders.findById(orderId);
                if (order != null && order.status == OrderStatus.RELEASED) {
                    rechecks.evaluateAgain(RecheckService.toEvaluate(order), "release-expiry", "RELEASE_EXPIRED",
                            "the release ran out; evaluated again in full");
                }
            } catch (RuntimeException e) {
                Log.warnf("putting back the expired release of order %s failed: %s", orderId, e.getMessage());
            }
        }
    }

    @Transactional
    List<String> expired() {
        List<HoldEntity> expired = holds.expiredReleases(LocalDate.now(clock), 1000);
        expired.forEach(h -> h.expiryHandled = true);
        return expired.stream().map(h -> h.orderId).distinct().toList();
    }

    /** Background rechecks whose instance stopped are reported FAILED after ten minutes without progress. */
    @Scheduled(every = "1m", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void failStalledRechecks() {
        rechecks.failStalledRuns(java.time.Duration.ofMinutes(10));
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refreshGauges() {
        var open = holds.openByOutcome();
        metrics.openHolds("REVIEW", open.getOrDefault("REVIEW", 0L));
        metrics.openHolds("BLOCK", open.getOrDefault("BLOCK", 0L));
    }
}
