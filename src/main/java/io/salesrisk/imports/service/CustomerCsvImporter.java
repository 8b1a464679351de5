package io.salesrisk.imports.service;

import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.customer.persistence.CustomerRow;
import io.salesrisk.customer.service.CustomerValidator;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** customers.csv: id,name,segment,region,industry,years_in_business,external_rating,risk_class,credit_limit,payment_terms_days */
@ApplicationScoped
public class CustomerCsvImporter extends CsvImportTemplate<CustomerRow> {

    private final CustomerRepository customers;
    private final CustomerValidator validator;
    private final Clock clock;

    public CustomerCsvImporter(CustomerRepository customers, CustomerValidator validator, Clock clock) {
        this.customers = customers;
        this.validator = validator;
        this.clock = clock;
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
    protected String key(CustomerRow line) {
        return line.id();
    }

    @Override
    protected CustomerRow read(CsvRow row) {
        String id = row.text("id", true, 64);
        String name = row.text("name", true, 200);
        String segment = row.text("segment", true, 40);
        String region = row.text("region", true, 60);
        String industry = row.text("industry", true, 80);
        Integer years = row.integer("years_in_business", true, 0, 500);
        String rating = row.text("external_rating", false, 8);
        String riskClass = row.text("risk_class", true, 1);
        BigDecimal limit = row.amount("credit_limit", true, BigDecimal.ZERO, true);
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
        return new CustomerRow(id, name, segment, region, industry, years, rating, riskClass, limit.setScale(2, RoundingMode.HALF_UP), terms);
    }

    @Override
    protected ImportResult write(List<CustomerRow> lines) {
        SqlSession.Upserted stored = customers.upsertAll(lines, OffsetDateTime.now(clock));
        return new ImportResult(kind(), lines.size(), stored.created(), stored.updated());
    }
}
