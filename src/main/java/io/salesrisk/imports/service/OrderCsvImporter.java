package io.salesrisk.imports.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.money.CurrencyConverter;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.order.persistence.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * orders.csv: id,customer_id,amount,currency,order_date,payment_terms_days,discount_percent,contract_signed,
 * sales_rep,requested_delivery_date,status. Loads orders already approved elsewhere (status APPROVED by default)
 * so they count in the exposure; it does not evaluate them.
 */
@ApplicationScoped
public class OrderCsvImporter implements CsvImporter {

    static final List<String> REQUIRED = List.of("id", "customer_id", "amount", "currency", "order_date");
    static final List<String> OPTIONAL = List.of("payment_terms_days", "discount_percent", "contract_signed", "sales_rep",
            "requested_delivery_date", "status");

    private final AgroalDataSource dataSource;
    private final CurrencyConverter currencies;
    private final Clock clock;

    public OrderCsvImporter(AgroalDataSource dataSource, CurrencyConverter currencies, Clock clock) {
        this.dataSource = dataSource;
        this.currencies = currencies;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "orders";
    }

    record Line(int line, String id, String customerId, BigDecimal amount, String currency, BigDecimal originalAmount,
                LocalDate orderDate, int paymentTermsDays, BigDecimal discountPercent, boolean contractSigned,
                String salesRep, LocalDate requestedDeliveryDate, OrderStatus status) {
    }

    @Override
    @Transactional
    public ImportResult importCsv(String csv) {
        List<ProblemDetail> errors = new ArrayList<>();
        CsvFile file = CsvFile.parse(csv, REQUIRED, OPTIONAL, errors);
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvRow row : file.rows()) {
            String id = row.text("id", true, 64);
            String customerId = row.text("customer_id", true, 64);
            BigDecimal amount = row.decimal("amount", true, BigDecimal.ZERO, false);
            String currency = row.text("currency", true, 3);
            LocalDate orderDate = row.date("order_date", true);
            Integer terms = row.integer("payment_terms_days", false, 0, 365);
            BigDecimal discount = row.decimal("discount_percent", false, BigDecimal.ZERO, true);
            Boolean contract = row.bool("contract_signed", false);
            String salesRep = row.text("sales_rep", false, 100);
            LocalDate delivery = row.date("requested_delivery_date", false);
            OrderStatus status = status(row);
            if (currency != null && !currencies.accepts(currency)) {
                row.error("currency", currency, "is not an accepted currency");
                currency = null;
            }
            if (discount != null && discount.compareTo(new BigDecimal("100")) > 0) {
                row.error("discount_percent", discount.toPlainString(), "must be at most 100");
            }
            Integer previous = id == null ? null : firstLine.putIfAbsent(id, row.line());
            if (previous != null) {
                row.error("id", id, "repeats the order of line " + previous);
            }
            if (id != null && customerId != null && amount != null && currency != null && orderDate != null && status != null) {
                lines.add(new Line(row.line(), id, customerId, currencies.toBase(amount, currency, "currency"), currency,
                        amount.setScale(2, RoundingMode.HALF_UP), orderDate, terms == null ? 0 : terms,
                        discount == null ? BigDecimal.ZERO : discount, Boolean.TRUE.equals(contract), salesRep, delivery, status));
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<String> customers = JdbcWriter.existing(connection, "customers", "id", lines.stream().map(Line::customerId).toList());
            for (Line line : lines) {
                if (!customers.contains(line.customerId())) {
                    errors.add(ProblemDetail.csv(line.line(), "customer_id", line.customerId(),
                            "customer_id " + line.customerId() + " does not exist; import customers first"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("orders.csv has " + errors.size() + " error(s); nothing was imported", errors);
            }
            return write(connection, lines);
        } catch (SQLException e) {
            throw new IllegalStateException("order import failed: " + e.getMessage(), e);
        }
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

    private ImportResult write(Connection connection, List<Line> lines) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> existing = JdbcWriter.existing(connection, "sales_orders", "id", lines.stream().map(Line::id).toList());
        List<Line> created = lines.stream().filter(l -> !existing.contains(l.id())).toList();
        List<Line> updated = lines.stream().filter(l -> existing.contains(l.id())).toList();
        JdbcWriter.batch(connection, """
                INSERT INTO sales_orders (customer_id, amount, currency, original_amount, order_date, payment_terms_days,
                  discount_percent, contract_signed, sales_rep, requested_delivery_date, status, updated_at, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, created, (s, l) -> bind(s, l, now));
        JdbcWriter.batch(connection, """
                UPDATE sales_orders SET customer_id = ?, amount = ?, currency = ?, original_amount = ?, order_date = ?,
                  payment_terms_days = ?, discount_percent = ?, contract_signed = ?, sales_rep = ?,
                  requested_delivery_date = ?, status = ?, updated_at = ? WHERE id = ?
                """, updated, (s, l) -> bind(s, l, now));
        return new ImportResult(kind(), lines.size(), created.size(), updated.size());
    }

    private static void bind(PreparedStatement s, Line l, OffsetDateTime now) throws SQLException {
        s.setString(1, l.customerId());
        s.setBigDecimal(2, l.amount());
        s.setString(3, l.currency());
        s.setBigDecimal(4, l.originalAmount());
        s.setDate(5, Date.valueOf(l.orderDate()));
        s.setInt(6, l.paymentTermsDays());
        s.setBigDecimal(7, l.discountPercent());
        s.setBoolean(8, l.contractSigned());
        s.setString(9, l.salesRep());
        s.setDate(10, l.requestedDeliveryDate() == null ? null : Date.valueOf(l.requestedDeliveryDate()));
        s.setString(11, l.status().name());
        s.setObject(12, now);
        s.setString(13, l.id());
    }
}
