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

/** An industry's market index in one month (the first day of the month stands for it). */
@Entity
@Table(name = "market_index")
@IdClass(MarketIndexEntity.Key.class)
public class MarketIndexEntity extends PanacheEntityBase {

    /** Industry and month. */
    public record Key(String industry, LocalDate indexMonth) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String industry;
    @Id
    @Column(name = "index_month")
    public LocalDate indexMonth;
    @Column(name = "index_value")
    public BigDecimal indexValue;
}
