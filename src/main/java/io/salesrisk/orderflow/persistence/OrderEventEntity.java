package io.salesrisk.orderflow.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A lifecycle event of an order as the CRM/ERP sent it, with what it did. */
@Entity
@Table(name = "order_events")
public class OrderEventEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "event_type")
    public String type;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "received_by")
    public String receivedBy;
    /** for CHANGED: the new amount in the order's currency */
    public BigDecimal amount;
    @Column(name = "requested_delivery_date")
    public LocalDate requestedDeliveryDate;
    public String result;
}
