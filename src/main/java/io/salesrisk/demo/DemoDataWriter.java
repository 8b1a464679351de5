package io.salesrisk.demo;

import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.customer.persistence.CustomerRow;
import io.salesrisk.invoice.persistence.InvoiceRepository;
import io.salesrisk.invoice.persistence.InvoiceRow;
import io.salesrisk.order.persistence.OrderRow;
import io.salesrisk.order.persistence.OrderStatus;
import io.salesrisk.order.persistence.SalesOrderRepository;
import io.salesrisk.salesdata.persistence.IndexMonth;
import io.salesrisk.salesdata.persistence.MarketIndexRepository;
import io.salesrisk.salesdata.persistence.SalesHistoryRepository;
import io.salesrisk.salesdata.persistence.SalesMonth;
import io.salesrisk.salesdata.persistence.SalesTarget;
import io.salesrisk.salesdata.persistence.SalesTargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Writes generated customers with their history through each table's repository (works on H2 and PostgreSQL). */
@ApplicationScoped
public class DemoDataWriter {

    private final CustomerRepository customers;
    private final SalesHistoryRepository sales;
    private final SalesTargetRepository targets;
    private final InvoiceRepository invoices;
    private final SalesOrderRepository orders;
    private final MarketIndexRepository indices;

    public DemoDataWriter(CustomerRepository customers, SalesHistoryRepository sales, InvoiceRepository invoices,
                          SalesOrderRepository orders, MarketIndexRepository indices, SalesTargetRepository targets) {
        this.customers = customers;
        this.targets = targets;
        this.sales = sales;
        this.invoices = invoices;
        this.orders = orders;
        this.indices = indices;
    }

    /** Stores the customers and everything they own, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<DemoCustomer> generated, OffsetDateTime now) {
        List<CustomerRow> customerRows = new ArrayList<>();
        List<SalesMonth> months = new ArrayList<>();
        List<InvoiceRow> invoiceRows = new ArrayList<>();
        List<OrderRow> orderRows = new ArrayList<>();
        for (DemoCustomer c : generated) {
            customerRows.add(new CustomerRow(c.id(), c.name(), c.segment(), c.region(), c.industry(), c.yearsInBusiness(),
                    c.externalRating(), c.riskClass(), c.creditLimit(), c.paymentTermsDays()));
            c.sales().forEach(m -> months.add(new SalesMonth(c.id(), m.month(), m.amount())));
            c.invoices().forEach(i -> invoiceRows.add(new InvoiceRow(i.id(), c.id(), null, i.issueDate(), i.dueDate(),
                    i.amount(), i.paidAmount(), i.paidDate())));
            c.orders().forEach(o -> orderRows.add(new OrderRow(o.id(), c.id(), o.amount(), "EUR", o.amount(), o.orderDate(),
                    o.paymentTermsDays(), o.discountPercent(), o.contractSigned(), o.salesRep(), o.requestedDeliveryDate(),
                    OrderStatus.valueOf(o.status()), null, now, "demo")));
        }
        customers.upsertAll(customerRows, now);
        sales.upsertAll(months);
        invoices.upsertAll(invoiceRows, now);
        orders.upsertAll(orderRows);
    }

    /** Stores the demo's sales targets (see {@link DemoTargets}), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeTargets(List<SalesTarget> targets, OffsetDateTime now) {
        this.targets.upsertAll(targets, now);
    }

    /** Stores 24 months of market index per industry, up to {@code lastMonth}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeMarketIndex(DemoDataGenerator generator, YearMonth lastMonth) {
        List<IndexMonth> months = new ArrayList<>();
        for (String industry : DemoDataGenerator.industries()) {
            for (int back = 23; back >= 0; back--) {
                YearMonth month = lastMonth.minusMonths(back);
                months.add(new IndexMonth(industry, month, generator.marketIndex(industry, month)));
            }
        }
        indices.upsertAll(months);
    }
}
