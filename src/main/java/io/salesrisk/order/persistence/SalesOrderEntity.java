package io.salesrisk.order.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A sales order as last evaluated or imported. {@code amount} is in the base currency. */
@Entity
@Table(name = "sales_orders")
public class SalesOrderEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    public BigDecimal amount;
    public String currency;
    @Column(name = "original_amount")
    public BigDecimal originalAmount;
    @Column(name = "order_date")
    public LocalDate orderDate;
    @Column(name = "payment_terms_days")
    public int paymentTermsDays;
    @Column(name = "discount_percent")
    public BigDecimal discountPercent;
    @Column(name = "contract_signed")
    public boolean contractSigned;
    @Column(name = "sales_rep")
    public String salesRep;
    @Column(name = "requested_delivery_date")
    public LocalDate requestedDeliveryDate;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @Column(name = "last_decision_id")
    public UUID lastDecisionId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** who entered it (the user of its first evaluation) */
    @Column(name = "entered_by")
    public String enteredBy;
}
