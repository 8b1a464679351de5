package io.salesrisk.customer.service;

import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.customer.persistence.CustomerEntity;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.customer.persistence.CustomerRow;
import io.salesrisk.customer.persistence.CustomerSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates, changes and finds customers. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerValidator validator;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, CustomerValidator validator, Clock clock) {
        this.customers = customers;
        this.validator = validator;
        this.clock = clock;
    }

    /** Creates or replaces a customer's master data; returns whether it was created. */
    @Transactional
    public boolean put(CustomerRow row) {
        List<ProblemDetail> errors = new ArrayList<>();
        validator.check(row.segment(), row.riskClass(), row.externalRating(), errors::add, CustomerValidator.FieldNames.JSON);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the customer has invalid codes", errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CustomerEntity customer = customers.findById(row.id());
        boolean created = customer == null;
        if (created) {
            customer = new CustomerEntity();
            customer.id = row.id();
            customer.createdAt = now;
        }
        customer.name = row.name();
        customer.segment = row.segment();
        customer.region = row.region();
        customer.industry = row.industry();
        customer.yearsInBusiness = row.yearsInBusiness();
        customer.externalRating = row.externalRating() == null || row.externalRating().isBlank() ? null : row.externalRating();
        customer.riskClass = row.riskClass();
        customer.creditLimit = row.creditLimit().setScale(2, RoundingMode.HALF_UP);
        customer.paymentTermsDays = row.paymentTermsDays();
        customer.updatedAt = now;
        if (created) {
            customers.persist(customer);
        }
        return created;
    }

    /** One page of the customers a search finds and how many it finds in all. */
    public record CustomerPage(List<CustomerEntity> customers, long total) {
    }

    /** Searches customers, one page sorted on the server; {@code limit} is kept to 1..200. */
    @Transactional
    public CustomerPage search(CustomerSearch search, CustomerSearch.Sort sort, boolean descending, int offset, int limit) {
        int size = Math.max(1, Math.min(200, limit));
        return new CustomerPage(customers.search(search, sort, descending, Math.max(0, offset), size),
                customers.count(search));
    }

    @Transactional
    public Optional<CustomerEntity> find(String id) {
        return customers.findByIdOptional(id);
    }

    /**
     * Sets a limit a risk officer approved, if the customer still has the limit the approval started from; the row is
     * locked so a re-evaluation cannot change it in between. Runs in the caller's transaction.
     *
     * @throws ConflictException when the limit changed since
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyApprovedLimit(String id, BigDecimal expectedLimit, BigDecimal newLimit) {
        CustomerEntity customer = customers.findForUpdate(id)
                .orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
        if (customer.creditLimit.compareTo(expectedLimit) != 0) {
            throw new ConflictException("currentLimit", "the limit of customer " + id + " is " + customer.creditLimit
                    + " now, not " + expectedLimit + " as when this was proposed; re-evaluate the customer");
        }
        customer.creditLimit = newLimit;
        customer.updatedAt = OffsetDateTime.now(clock);
    }
}
