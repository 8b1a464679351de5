package io.salesrisk.exposure;

import io.salesrisk.contingency.service.ActivePlans;
import io.salesrisk.contingency.service.PlanEffects;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.PaymentBehaviour;
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

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final CreditFiguresQuery query;
    private final CreditConfig config;
    private final ActivePlans activePlans;

    public ExposureService(CreditFiguresQuery query, CreditConfig config, ActivePlans activePlans) {
        this.query = query;
        this.config = config;
        this.activePlans = activePlans;
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
                    int oldestOverdueDays = r.oldestOverdueDue() == null ? 0 : (int) ChronoUnit.DAYS.between(r.oldestOverdueDue(), asOf);
                    Customer customer = figures.customer();
                    PlanEffects effects = activePlans.effectsFor(customer.getId(), customer.getSegment(),
                            customer.getIndustry(), customer.getRiskClass());
                    customer.setActivePlans(effects.plans());
                    customer.setPlanLimitCutPercent(effects.limitCutPercent());
                    customer.setPlanPrepaymentRequired(effects.prepaymentRequired());
                    // an active plan that cuts the limit of the customer's class lowers the limit every check uses
                    BigDecimal limit = customer.getCreditLimit().multiply(HUNDRED.subtract(effects.limitCutPercent()))
                            .divide(HUNDRED, 2, RoundingMode.DOWN);
                    CreditExposure exposure = CreditExposure.of(asOf, config.exposureHorizonDays(), limit, r.openReceivables(), r.overdueAmount(), oldestOverdueDays,
                            figures.openOrders(), orderAmount);
                    return new CreditStanding(figures.customer(), figures.existingOrder(), exposure, payment(r, periodStart, asOf));
                });
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
