package io.salesrisk.invoice.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An invoice: open while {@code paidAmount < amount}, overdue once its due date has passed. */
@Entity
@Table(name = "invoices")
public class InvoiceEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public BigDecimal amount;
    @Column(name = "paid_amount")
    public BigDecimal paidAmount;
    @Column(name = "paid_date")
    public LocalDate paidDate;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
