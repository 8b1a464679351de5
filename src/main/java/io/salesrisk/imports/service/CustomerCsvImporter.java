package io.salesrisk.imports.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.customer.service.CustomerValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** customers.csv: id,name,segment,region,industry,years_in_business,external_rating,risk_class,credit_limit,payment_terms_days */
@ApplicationScoped
public class CustomerCsvImporter implements CsvImporter {

    static final List<String> REQUIRED = List.of("id", "name", "segment", "region", "industry", "years_in_business",
            "risk_class", "credit_limit", "payment_terms_days");
    static final List<String> OPTIONAL = List.of("external_rating");

    private final AgroalDataSource dataSource;
    private final CustomerValidator validator;
    private final Clock clock;

    public CustomerCsvImporter(AgroalDataSource dataSource, CustomerValidator validator, Clock clock) {
        this.dataSource = dataSource;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "customers";
    }

    record Line(String id, String name, String segment, String region, String industry, int yearsInBusiness,
                String externalRating, String riskClass, BigDecimal creditLimit, int paymentTermsDays) {
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
            String name = row.text("name", true, 200);
            String segment = row.text("segment", true, 40);
            String region = row.text("region", true, 60);
            String industry = row.text("industry", true, 80);
            Integer years = row.integer("years_in_business", true, 0, 500);
            String rating = row.text("external_rating", false, 8);
            String riskClass = row.text("risk_class", true, 1);
            BigDecimal limit = row.decimal("credit_limit", true, BigDecimal.ZERO, true);
            Integer terms = row.integer("payment_terms_days", true, 0, 365);
            validator.check(segment, riskClass, rating,
                    problem -> row.error(problem.field(), value(problem.field(), segment, riskClass, rating), problem.message()),
                    CustomerValidator.FieldNames.CSV);
            Integer previous = id == null ? null : firstLine.putIfAbsent(id, row.line());
            if (previous != null) {
                row.error("id", id, "repeats the customer of line " + previous);
            }
            if (id != null && name != null && segment != null && region != null && industry != null && years != null
                    && riskClass != null && limit != null && terms != null) {
                lines.add(new Line(id, name, segment, region, industry, years, rating, riskClass,
                        limit.setScale(2, RoundingMode.HALF_UP), terms));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("customers.csv has " + errors.size() + " error(s); nothing was imported", errors);
        }
        return write(lines);
    }

    private static String value(String field, String segment, String riskClass, String rating) {
        return switch (field) {
            case "segment" -> segment;
            case "risk_class" -> riskClass;
            default -> rating;
        };
    }

    private ImportResult write(List<Line> lines) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Connection connection = dataSource.getConnection()) {
            Set<String> existing = JdbcWriter.existing(connection, "customers", "id", lines.stream().map(Line::id).toList());
            List<Line> created = lines.stream().filter(l -> !existing.contains(l.id())).toList();
            List<Line> updated = lines.stream().filter(l -> existing.contains(l.id())).toList();
            JdbcWriter.batch(connection, """
                    INSERT INTO customers (name, segment, region, industry, years_in_business, external_rating, risk_class,
                      credit_limit, payment_terms_days, updated_at, created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, created, (s, l) -> {
                bind(s, l, now);
                s.setObject(11, now);
                s.setString(12, l.id());
            });
            JdbcWriter.batch(connection, """
                    UPDATE customers SET name = ?, segment = ?, region = ?, industry = ?, years_in_business = ?,
                      external_rating = ?, risk_class = ?, credit_limit = ?, payment_terms_days = ?, updated_at = ?
                    WHERE id = ?
                    """, updated, (s, l) -> {
                bind(s, l, now);
                s.setString(11, l.id());
            });
            return new ImportResult(kind(), lines.size(), created.size(), updated.size());
        } catch (SQLException e) {
            throw new IllegalStateException("customer import failed: " + e.getMessage(), e);
        }
    }

    private static void bind(java.sql.PreparedStatement s, Line l, OffsetDateTime now) throws SQLException {
        s.setString(1, l.name());
        s.setString(2, l.segment());
        s.setString(3, l.region());
        s.setString(4, l.industry());
        s.setInt(5, l.yearsInBusiness());
        if (l.externalRating() == null) {
            s.setNull(6, Types.VARCHAR);
        } else {
            s.setString(6, l.externalRating());
        }
        s.setString(7, l.riskClass());
        s.setBigDecimal(8, l.creditLimit());
        s.setInt(9, l.paymentTermsDays());
        s.setObject(10, now);
    }
}
