package io.salesrisk.exposure;

import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.PaymentBehaviour;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Computes a customer's credit exposure (open receivables + approved open orders within the horizon) and payment
 * behaviour over the payment period, as of a day, from database aggregates.
 */
@ApplicationScoped
public class ExposureService {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final ExposureQueries queries;
    private final CreditConfig config;

    public ExposureService(ExposureQueries queries, CreditConfig config) {
        this.queries = queries;
        this.config = config;
    }

    /**
     * @param orderAmount     the order under evaluation in base currency (zero for a plain look-up)
     * @param excludedOrderId the order under evaluation, so a re-evaluation does not count it twice
     */
    public CreditStanding standing(String customerId, BigDecimal creditLimit, BigDecimal orderAmount,
                                   String excludedOrderId, LocalDate asOf) {
        LocalDate periodStart = asOf.minusMonths(config.paymentPeriodMonths());
        ReceivableFigures figures = queries.receivables(customerId, asOf, periodStart);
        BigDecimal openOrders = queries.openOrders(customerId, excludedOrderId, asOf.plusDays(config.exposureHorizonDays()));
        int oldestOverdueDays = figures.oldestOverdueDue() == null ? 0
                : (int) ChronoUnit.DAYS.between(figures.oldestOverdueDue(), asOf);
        CreditExposure exposure = CreditExposure.of(asOf, config.exposureHorizonDays(), creditLimit,
                figures.openReceivables(), figures.overdueAmount(), oldestOverdueDays, openOrders, orderAmount);
        return new CreditStanding(exposure, payment(figures, periodStart, asOf));
    }

    private PaymentBehaviour payment(ReceivableFigures figures, LocalDate periodStart, LocalDate asOf) {
        PaymentBehaviour payment = new PaymentBehaviour();
        payment.setPeriodMonths(config.paymentPeriodMonths());
        payment.setInvoicesDue((int) figures.invoicesDue());
        payment.setInvoicesPaidOnTime((int) figures.invoicesPaidOnTime());
        payment.setCreditSales(figures.creditSales().setScale(2, RoundingMode.HALF_UP));
        if (figures.invoicesDue() > 0) {
            payment.setOnTimePercent(BigDecimal.valueOf(figures.invoicesPaidOnTime()).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(figures.invoicesDue()), 2, RoundingMode.HALF_UP));
            payment.setAverageDaysLate(BigDecimal.valueOf(figures.totalDaysLate())
                    .divide(BigDecimal.valueOf(figures.invoicesDue()), 2, RoundingMode.HALF_UP));
        }
        if (figures.creditSales().signum() > 0) {
            // DSO = receivables / credit sales x days in the period
            long days = ChronoUnit.DAYS.between(periodStart, asOf);
            payment.setDsoDays(figures.openReceivables().multiply(BigDecimal.valueOf(days))
                    .divide(figures.creditSales(), 2, RoundingMode.HALF_UP));
        }
        return payment;
    }
}
