package io.salesrisk.invoice.service;

import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.invoice.persistence.InvoiceEntity;
import io.salesrisk.invoice.persistence.InvoiceRepository;
import io.salesrisk.invoice.persistence.InvoiceRow;
import io.salesrisk.invoice.persistence.ReceivableAging;
import io.salesrisk.order.persistence.SalesOrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Records invoices and payments; an invoice for an order moves the order out of open orders into receivables. */
@ApplicationScoped
public class InvoiceService {

    private final jakarta.enterprise.event.Event<PaymentRecorded> payments;

    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final SalesOrderRepository orders;
    private final Clock clock;

    public InvoiceService(InvoiceRepository invoices, CustomerRepository customers, SalesOrderRepository orders, Clock clock,
                          jakarta.enterprise.event.Event<PaymentRecorded> payments) {
        this.payments = payments;
        this.invoices = invoices;
        this.customers = customers;
        this.orders = orders;
        this.clock = clock;
    }

    /** The customer's unpaid invoice amounts by days past due today. */
    public ReceivableAging aging(String customerId) {
        return invoices.aging(customerId, java.time.LocalDate.now(clock));
    }

    /** Creates or replaces an invoice; returns the stored invoice and whether it was created. */
    @Transactional
    public Stored put(InvoiceRow request) {
        String id = request.id();
        List<ProblemDetail> errors = new ArrayList<>();
        InvoiceRules.check(request.issueDate(), request.dueDate(), request.amount(), request.paidAmount(),
                request.paidDate(), InvoiceRules.asFieldErrors(errors));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the invoice is inconsistent", errors);
        }
        if (customers.findById(request.customerId()) == null) {
            throw new NotFoundException("customerId", "customer " + request.customerId() + " does not exist");
        }
        String orderId = request.orderId();
        var order = orderId == null ? null : orders.findById(orderId);
        if (order != null && !order.customerId.equals(request.customerId())) {
            throw InvalidInputException.field("orderId", "order " + orderId + " belongs to customer " + order.customerId
                    + ", not " + request.customerId());
        }
        InvoiceEntity invoice = invoices.findById(id);
        boolean created = invoice == null;
        BigDecimal paidBefore = created ? BigDecimal.ZERO : invoice.paidAmount;
        if (created) {
            invoice = new InvoiceEntity();
            invoice.id = id;
        }
        invoice.customerId = request.customerId();
        invoice.orderId = orderId;
        invoice.issueDate = request.issueDate();
        invoice.dueDate = request.dueDate();
        invoice.amount = request.amount().setScale(2, RoundingMode.HALF_UP);
        invoice.paidAmount = (request.paidAmount() == null ? BigDecimal.ZERO : request.paidAmount()).setScale(2, RoundingMode.HALF_UP);
        invoice.paidDate = request.paidDate();
        invoice.updatedAt = OffsetDateTime.now(clock);
        if (created) {
            invoices.persist(invoice);
        }
        if (invoice.orderId != null) {
            orders.markInvoiced(invoice.orderId);
        }
        if (invoice.paidAmount.compareTo(paidBefore) > 0) {
            payments.fire(new PaymentRecorded(invoice.customerId, invoice.id, invoice.paidAmount));
        }
        return new Stored(invoice, created);
    }

    /** An invoice after a write. */
    public record Stored(InvoiceEntity invoice, boolean created) {
    }
}
