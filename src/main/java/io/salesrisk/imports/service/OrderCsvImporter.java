package io.salesrisk.imports.service;

import io.salesrisk.common.money.Amounts;
import io.salesrisk.common.money.CurrencyConverter;
import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.order.persistence.OrderRow;
import io.salesrisk.order.persistence.OrderStatus;
import io.salesrisk.order.persistence.SalesOrderRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * orders.csv: id,customer_id,amount,currency,order_date,payment_terms_days,discount_percent,contract_signed,
 * sales_rep,requested_delivery_date,status. Loads orders already approved elsewhere (status APPROVED by default)
 * so they count in the exposure; it does not evaluate them.
 */
@ApplicationScoped
public class OrderCsvImporter extends CsvImportTemplate<OrderCsvImporter.Line> {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SalesOrderRepository orders;
    private final CustomerRepository customers;
    private final CurrencyConverter currencies;
    private final Clock clock;

    public OrderCsvImporter(SalesOrderRepository orders, CustomerRepository customers, CurrencyConverter currencies,
                            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.currencies = currencies;
        this.clock = clock;
    }

    record Line(int line, String id, String customerId, BigDecimal amount, String currency, BigDecimal originalAmount,
                LocalDate orderDate, int paymentTermsDays, BigDecimal discountPercent, boolean contractSigned,
                String salesRep, LocalDate requestedDeliveryDate, OrderStatus status) {
    }

    @Override
    public String kind() {
        return "orders";
    }

    @Override
    protected List<String> requiredColumns() {
        return List.of("id", "customer_id", "amount", "currency", "order_date");
    }

    @Override
    protected List<String> optionalColumns() {
        return List.of("payment_terms_days", "discount_percent", "contract_signed", "sales_rep", "requested_delivery_date",
                "status");
    }

    @Override
    protected String key(Line line) {
        return line.id();
    }

    @Override
    protected Line read(CsvRow row) {
        String id = row.text("id", true, 64);
        String customerId = row.text("customer_id", true, 64);
        BigDecimal amount = row.decimal("amount", true, BigDecimal.ZERO, false, Amounts.MAX, 3);
        String currency = row.text("currency", true, 3);
        LocalDate orderDate = row.date("order_date", true);
        Integer terms = row.integer("payment_terms_days", false, 0, 365);
        BigDecimal discount = row.decimal("discount_percent", false, BigDecimal.ZERO, true, HUNDRED, Amounts.PERCENT_SCALE);
        Boolean contract = row.bool("contract_signed", false);
        String salesRep = row.text("sales_rep", false, 100);
        LocalDate delivery = row.date("requested_delivery_date", false);
        OrderStatus status = status(row);
        int errorsBefore = row.errorCount();
        if (currency != null && !currencies.accepts(currency)) {
            row.error("currency", currency, "is not an accepted currency");
        } else if (currency != null && amount != null && currencies.amountProblem(amount, currency) != null) {
            row.error("amount", amount.toPlainString(), currencies.amountProblem(amount, currency));
        }
        if (id == null || customerId == null || amount == null || currency == null || orderDate == null || status == null
                || row.errorCount() > errorsBefore) {
            return null;
        }
        return new Line(row.line(), id, customerId, currencies.toBase(amount, currency, "currency"), currency,
                amount.setScale(2, RoundingMode.HALF_UP), orderDate, terms == null ? 0 : terms,
                discount == null ? BigDecimal.ZERO : discount, Boolean.TRUE.equals(contract), salesRep, delivery, status);
    }

    private static OrderStatus status(CsvRow row) {
        String text = row.text("status", false, 20);
        if (text == null) {
            return OrderStatus.APPROVED;
        }
        try {
            return OrderStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            row.error("status", text, "is not one of " + Arrays.toString(OrderStatus.values()));
            return null;
        }
    }

    @Override
    protected void check(List<Line> lines, List<ProblemDetail> errors) {
        requireCustomers(customers, lines, Line::line, Line::customerId, errors);
    }

    @Override
    protected ImportResult write(List<Line> lines) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SqlSession.Upserted stored = orders.upsertAll(lines.stream().map(l -> new OrderRow(l.id(), l.customerId(), l.amount(),
                l.currency(), l.originalAmount(), l.orderDate(), l.paymentTermsDays(), l.discountPercent(), l.contractSigned(),
                l.salesRep(), l.requestedDeliveryDate(), l.status(), null, now, "import")).toList());
        return new ImportResult(kind(), lines.size(), stored.created(), stored.updated());
    }
}
