package io.salesrisk.salesdata.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A customer's sales in one month (the first day of the month stands for it). */
@Entity
@Table(name = "sales_history")
@IdClass(SalesMonthEntity.Key.class)
public class SalesMonthEntity extends PanacheEntityBase {

    /** Customer and month. */
    public record Key(String customerId, LocalDate salesMonth) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "customer_id")
    public String customerId;
    @Id
    @Column(name = "sales_month")
    public LocalDate salesMonth;
    public BigDecimal amount;
}
