package io.salesrisk.exposure;

import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.PaymentBehaviour;
import io.salesrisk.invoice.persistence.ReceivableFigures;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Computes a customer's credit exposure (open receivables + approved open orders within the horizon) and payment
 * behaviour over the payment period, as of a day, from database aggregates.
 */
@ApplicationScoped
public class ExposureService {

    private final CreditFiguresQuery query;
    private final CreditConfig config;

    public ExposureService(CreditFiguresQuery query, CreditConfig config) {
        this.query = query;
        this.config = config;
    }

    /**
     * The customer's standing as of {@code asOf}, or empty when the customer does not exist.
     *
     * @param orderAmount the order under evaluation in base currency (zero for a plain look-up)
     * @param orderId     the order under evaluation, so a re-evaluation does not count it twice; null for none
     */
    public Optional<CreditStanding> standing(String customerId, BigDecimal orderAmount, String orderId, LocalDate asOf) {
        LocalDate periodStart = asOf.minusMonths(config.paymentPeriodMonths());
        return query.load(customerId, orderId, asOf, periodStart, asOf.plusDays(config.exposureHorizonDays()))
                .map(figures -> {
                    ReceivableFigures r = figures.receivables();
                    CreditExposure exposure = CreditExposure.of(asOf, config.exposureHorizonDays(),
                            figures.customer().getCreditLimit(), r.openReceivables(), r.overdueAmount(),
                            r.oldestOverdueDays(asOf), figures.openOrders(), orderAmount);
                    return new CreditStanding(figures.customer(), figures.existingOrder(), exposure,
                            payment(r, ChronoUnit.DAYS.between(periodStart, asOf)));
                });
    }

    private PaymentBehaviour payment(ReceivableFigures figures, long periodDays) {
        PaymentBehaviour payment = new PaymentBehaviour();
        payment.setPeriodMonths(config.paymentPeriodMonths());
        payment.setInvoicesDue((int) figures.invoicesDue());
        payment.setInvoicesPaidOnTime((int) figures.invoicesPaidOnTime());
        payment.setCreditSales(figures.creditSales().setScale(2, RoundingMode.HALF_UP));
        payment.setOnTimePercent(figures.onTimePercent());
        payment.setAverageDaysLate(figures.averageDaysLate());
        payment.setDsoDays(figures.dsoDays(periodDays));
        return payment;
    }
}
