package io.salesrisk.customer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.SqlSession;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of the {@code customers} table. Single customers go through Panache; the CSV import and the demo
 * data write in JDBC batches (ImportBenchmark: a 20,000-row import runs at about 30,000 rows/s, one entity per row through the API at about 480), and a re-evaluation chunk stores its 2,000 assessed customers as one batched,
 * guarded statement (ReevaluationBenchmark: 1,000,000 customers in about two minutes).
 */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<CustomerEntity, String> {

    private static final String INSERT = """
            INSERT INTO customers (name, segment, region, industry, years_in_business, external_rating, risk_class,
              credit_limit, payment_terms_days, updated_at, created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE customers SET name = ?, segment = ?, region = ?, industry = ?, years_in_business = ?,
              external_rating = ?, risk_class = ?, credit_limit = ?, payment_terms_days = ?, updated_at = ?,
              created_at = COALESCE(created_at, ?) WHERE id = ?""";

    private final Jdbc jdbc;

    public CustomerRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer, locked until the transaction ends, for changes that must not race a re-evaluation. */
    public Optional<CustomerEntity> findForUpdate(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Which of the ids exist. */
    public Set<String> existingIds(Collection<String> ids) {
        return new HashSet<>(jdbc.read(sql -> sql.selectIn("SELECT id FROM customers WHERE id IN", ids, row -> row.getString(1))));
    }

    /** Creates the new customers and replaces the master data of the existing ones, in batches. */
    public SqlSession.Upserted upsertAll(List<CustomerRow> rows, OffsetDateTime now) {
        Set<String> existing = existingIds(rows.stream().map(CustomerRow::id).toList());
        return jdbc.write(sql -> sql.upsert(rows, existing, CustomerRow::id, INSERT, UPDATE, (s, c) -> s.set(c.name(),
                c.segment(), c.region(), c.industry(), c.yearsInBusiness(), c.externalRating(), c.riskClass(),
                c.creditLimit(), c.paymentTermsDays(), now, now, c.id())));
    }

    /**
     * Stores re-evaluated standings, each guarded by the limit and class it was assessed with: a customer whose limit
     * or class a risk officer changed meanwhile is left alone. Returns the ids that were left alone.
     */
    public Set<String> applyAssessments(List<AssessedStanding> standings, OffsetDateTime now) {
        int[] counts = jdbc.write(sql -> sql.batch("""
                UPDATE customers SET score = ?, risk_class = ?, credit_limit = ?, payment_terms_days = ?,
                  prepayment_required = ?, updated_at = ? WHERE id = ? AND credit_limit = ? AND risk_class = ?""",
                standings, (s, a) -> s.set(a.score(), a.riskClass(), a.creditLimit(), a.paymentTermsDays(),
                        a.prepaymentRequired(), now, a.customerId(), a.limitBefore(), a.classBefore())));
        Set<String> conflicts = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                conflicts.add(standings.get(i).customerId());
            }
        }
        return conflicts;
    }

    /**
     * Cuts the selection's customers, in the database's id order, into ranges of {@code size} customers in one query:
     * ranges must follow the database's collation, which may differ from Java's.
     */
    public List<IdRange> idRanges(CustomerSelection selection, int size) {
        List<Object> parameters = new ArrayList<>();
        String where = "";
        if (selection.segment() != null) {
            where = " WHERE segment = ?";
            parameters.add(selection.segment());
        } else if (selection.region() != null) {
            where = " WHERE region = ?";
            parameters.add(selection.region());
        } else if (!selection.ids().isEmpty()) {
            where = " WHERE id = ANY (?)";
        }
        String query = "SELECT MIN(id), MAX(id), COUNT(*) FROM (SELECT id, (ROW_NUMBER() OVER (ORDER BY id) - 1) / ? AS n "
                + "FROM customers" + where + ") numbered GROUP BY n ORDER BY n";
        return jdbc.read(sql -> {
            List<Object> all = new ArrayList<>();
            all.add(Math.max(1, size));
            if (!selection.ids().isEmpty()) {
                all.add(array(sql, selection.ids()));
            }
            all.addAll(parameters);
            return sql.list(query, all, row -> new IdRange(row.getString(1), row.getString(2), row.getInt(3)));
        });
    }

    /**
     * One page of the customers a search finds, sorted by {@code sort} (then id). A text matches ids that start with
     * it and names that contain it, in any case.
     */
    public List<CustomerEntity> search(CustomerSearch search, CustomerSearch.Sort sort, boolean descending, int offset,
                                       int limit) {
        Where where = where(search);
        Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
        Sort order = Sort.by(sort.property(), direction, Sort.NullPrecedence.NULLS_LAST);
        if (sort != CustomerSearch.Sort.ID) {
            order = order.and("id", direction);
        }
        return find(where.query, order, where.parameters).range(offset, offset + limit - 1).list();
    }

    /** How many customers a search finds. */
    public long count(CustomerSearch search) {
        Where where = where(search);
        return where.query.isEmpty() ? count() : count(where.query, where.parameters);
    }

    private record Where(String query, Parameters parameters) {
    }

    private static Where where(CustomerSearch search) {
        List<String> terms = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (search.text() != null) {
            String text = search.text().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            terms.add("(lower(id) like :idPrefix escape '\\' or lower(name) like :namePart escape '\\')");
            parameters.and("idPrefix", text + "%").and("namePart", "%" + text + "%");
        }
        if (search.segment() != null) {
            terms.add("segment = :segment");
            parameters.and("segment", search.segment());
        }
        if (search.region() != null) {
            terms.add("region = :region");
            parameters.and("region", search.region());
        }
        if (search.riskClass() != null) {
            terms.add("riskClass = :riskClass");
            parameters.and("riskClass", search.riskClass());
        }
        return new Where(String.join(" and ", terms), parameters);
    }

    private static java.sql.Array array(SqlSession sql, List<String> ids) {
        try {
            return sql.connection().createArrayOf("VARCHAR", ids.toArray());
        } catch (java.sql.SQLException e) {
            throw new io.salesrisk.common.persistence.DataAccessException("cannot pass the customer ids", e);
        }
    }
}
