package io.salesrisk.customer.service;

import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.customer.persistence.CustomerEntity;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.customer.rest.CustomerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    /** Creates or replaces a customer; returns whether it was created. */
    @Transactional
    public boolean put(String id, CustomerRequest request) {
        List<ProblemDetail> errors = new ArrayList<>();
        validator.check(request.segment(), request.riskClass(), request.externalRating(), errors::add,
                CustomerValidator.FieldNames.JSON);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the customer has invalid codes", errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CustomerEntity customer = customers.findById(id);
        boolean created = customer == null;
        if (created) {
            customer = new CustomerEntity();
            customer.id = id;
            customer.createdAt = now;
        }
        customer.name = request.name();
        customer.segment = request.segment();
        customer.region = request.region();
        customer.industry = request.industry();
        customer.yearsInBusiness = request.yearsInBusiness();
        customer.externalRating = request.externalRating() == null || request.externalRating().isBlank() ? null : request.externalRating();
        customer.riskClass = request.riskClass();
        customer.creditLimit = request.creditLimit().setScale(2, RoundingMode.HALF_UP);
        customer.paymentTermsDays = request.paymentTermsDays();
        customer.updatedAt = now;
        if (created) {
            customers.persist(customer);
        }
        return created;
    }

    public Optional<CustomerEntity> find(String id) {
        return customers.findByIdOptional(id);
    }
}
