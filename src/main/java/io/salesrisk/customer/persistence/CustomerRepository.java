package io.salesrisk.customer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Customers by id. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<CustomerEntity, String> {
}
