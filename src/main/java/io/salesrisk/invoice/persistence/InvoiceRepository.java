package io.salesrisk.invoice.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Invoices by id. */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<InvoiceEntity, String> {
}
