package io.salesrisk.salesdata.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.SqlSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The one writer of {@code market_index}: monthly index values per industry, imported in JDBC batches like the other imports. */
@ApplicationScoped
public class MarketIndexRepository implements PanacheRepositoryBase<MarketIndexEntity, MarketIndexEntity.Key> {

    /** An industry's latest index up to a day, and the index of the same month a year before (null if unknown). */
    public record LatestIndex(String industry, LocalDate month, BigDecimal latest, BigDecimal yearBefore) {
    }

    private final Jdbc jdbc;

    public MarketIndexRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the new months and replaces the values of months already stored, in batches. */
    public SqlSession.Upserted upsertAll(List<IndexMonth> months) {
        Set<String> existing = new HashSet<>(jdbc.read(sql -> sql.selectIn(
                "SELECT industry, index_month FROM market_index WHERE industry IN",
                months.stream().map(IndexMonth::industry).toList(),
                row -> row.getString(1) + "|" + YearMonth.from(row.getDate(2).toLocalDate()))));
        return jdbc.write(sql -> sql.upsert(months, existing, IndexMonth::key,
                "INSERT INTO market_index (index_value, industry, index_month) VALUES (?, ?, ?)",
                "UPDATE market_index SET index_value = ? WHERE industry = ? AND index_month = ?",
                (s, m) -> s.set(m.value(), m.industry(), m.month().atDay(1))));
    }

    /** Each industry's latest month up to {@code asOf}, against the same month a year before; by industry name. */
    public Map<String, LatestIndex> latestUpTo(LocalDate asOf) {
        Map<String, MarketIndexEntity> latest = new TreeMap<>();
        for (MarketIndexEntity index : list("indexMonth <= ?1 order by industry, indexMonth", asOf)) {
            latest.put(index.industry, index);
        }
        Map<String, LatestIndex> result = new LinkedHashMap<>();
        latest.forEach((industry, index) -> {
            MarketIndexEntity before = findById(new MarketIndexEntity.Key(industry, index.indexMonth.minusYears(1)));
            result.put(industry, new LatestIndex(industry, index.indexMonth, index.indexValue,
                    before == null ? null : before.indexValue));
        });
        return result;
    }
}
