package io.salesrisk.bench;

import io.salesrisk.demo.DemoCustomer;
import io.salesrisk.demo.DemoDataGenerator;
import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.Order;
import io.salesrisk.facts.PaymentBehaviour;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Realistic order facts built from the demo generator, so benchmarks see the real mix of outcomes. */
final class BenchFacts {

    private BenchFacts() {
    }

    static List<OrderFacts> generate(int count, long seed) {
        LocalDate asOf = LocalDate.of(2026, 11, 27);
        DemoDataGenerator generator = new DemoDataGenerator(seed, asOf, 24, 24);
        SplittableRandom random = new SplittableRandom(seed);
        List<OrderFacts> facts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DemoCustomer demo = generator.customer(i);
            Customer customer = new Customer();
            customer.setId(demo.id());
            customer.setName(demo.name());
            customer.setSegment(demo.segment());
            customer.setRegion(demo.region());
            customer.setIndustry(demo.industry());
            customer.setYearsInBusiness(demo.yearsInBusiness());
            customer.setExternalRating(demo.externalRating());
            customer.setRiskClass(demo.riskClass());
            customer.setCreditLimit(demo.creditLimit());
            customer.setAllowedPaymentTermsDays(demo.paymentTermsDays());
            BigDecimal month = demo.sales().get(demo.sales().size() - 1).amount();
            Order order = new Order();
            order.setId("B-" + i);
            order.setCustomerId(demo.id());
            order.setAmount(month.multiply(BigDecimal.valueOf(0.05 + random.nextDouble() * 0.4)).setScale(2, RoundingMode.HALF_UP));
            order.setCurrency("EUR");
            order.setOriginalAmount(order.getAmount());
            order.setOrderDate(asOf);
            order.setPaymentTermsDays(random.nextDouble() < 0.85 ? demo.paymentTermsDays() : demo.paymentTermsDays() + 30);
            order.setDiscountPercent(BigDecimal.valueOf(random.nextInt(22)));
            order.setContractSigned(random.nextDouble() < 0.8);
            BigDecimal open = BigDecimal.ZERO;
            BigDecimal overdue = BigDecimal.ZERO;
            LocalDate oldestDue = null;
            for (DemoCustomer.Invoice invoice : demo.invoices()) {
                if (invoice.paidDate() == null) {
                    open = open.add(invoice.amount());
                    if (invoice.dueDate().isBefore(asOf)) {
                        overdue = overdue.add(invoice.amount());
                        oldestDue = oldestDue == null || invoice.dueDate().isBefore(oldestDue) ? invoice.dueDate() : oldestDue;
                    }
                }
            }
            BigDecimal openOrders = demo.orders().stream().map(DemoCustomer.OpenOrder::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            CreditExposure exposure = CreditExposure.of(asOf, 90, demo.creditLimit(), open, overdue,
                    oldestDue == null ? 0 : (int) ChronoUnit.DAYS.between(oldestDue, asOf), openOrders, order.getAmount());
            facts.add(new OrderFacts(customer, order, exposure, new PaymentBehaviour()));
        }
        return facts;
    }
}
