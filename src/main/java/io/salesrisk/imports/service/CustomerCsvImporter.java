package io.salesrisk.imports.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.customer.service.CustomerValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** customers.csv: id,name,segment,region,industry,years_in_business,external_rating,risk_class,credit_limit,payment_terms_days */
@ApplicationScoped
@Transactional
public class CustomerCsvImporter extends CsvImportTemplate<CustomerCsvImporter.Line> {

    private final CustomerValidator validator;
    private final Clock clock;

    public CustomerCsvImporter(AgroalDataSource dataSource, CustomerValidator validator, Clock clock) {
        super(dataSource);
        this.validator = validator;
        this.clock = clock;
    }

    record Line(String id, String name, String segment, String region, String industry, int yearsInBusiness,
                String externalRating, String riskClass, BigDecimal creditLimit, int paymentTermsDays) {
    }

    @Override
    public String kind() {
        return "customers";
    }

    @Override
    protected List<String> requiredColumns() {
        return List.of("id", "name", "segment", "region", "industry", "years_in_business", "risk_class", "credit_limit",
                "payment_terms_days");
    }

    @Override
    protected List<String> optionalColumns() {
        return List.of("external_rating");
    }

    @Override
    protected String key(Line line) {
        return line.id();
    }

    @Override
    protected Line read(CsvRow row) {
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
        int errorsBefore = row.errorCount();
        validator.check(segment, riskClass, rating, problem -> row.error(problem.field(),
                        switch (problem.field()) {
                            case "segment" -> segment;
                            case "risk_class" -> riskClass;
                            default -> rating;
                        }, problem.message()),
                CustomerValidator.FieldNames.CSV);
        if (id == null || name == null || segment == null || region == null || industry == null || years == null
                || riskClass == null || limit == null || terms == null || row.errorCount() > errorsBefore) {
            return null;
        }
        return new Line(id, name, segment, region, industry, years, rating, riskClass, limit.setScale(2, RoundingMode.HALF_UP), terms);
    }

    @Override
    protected ImportResult write(Connection connection, List<Line> lines) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var split = JdbcWriter.Split.by(lines, JdbcWriter.existing(connection, "customers", "id",
                lines.stream().map(Line::id).toList()), Line::id);
        JdbcWriter.batch(connection, """
                INSERT INTO customers (name, segment, region, industry, years_in_business, external_rating, risk_class,
                  credit_limit, payment_terms_days, updated_at, created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, split.created(), (s, l) -> {
            bind(s, l, now);
            s.setObject(11, now);
            s.setString(12, l.id());
        });
        JdbcWriter.batch(connection, """
                UPDATE customers SET name = ?, segment = ?, region = ?, industry = ?, years_in_business = ?,
                  external_rating = ?, risk_class = ?, credit_limit = ?, payment_terms_days = ?, updated_at = ?
                WHERE id = ?
                """, split.updated(), (s, l) -> {
            bind(s, l, now);
            s.setString(11, l.id());
        });
        return new ImportResult(kind(), lines.size(), split.created().size(), split.updated().size());
    }

    private static void bind(PreparedStatement s, Line l, OffsetDateTime now) throws SQLException {
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
