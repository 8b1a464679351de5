package io.salesrisk.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The few SQL fragments that differ between PostgreSQL (production, tests) and H2 (embedded default), for the
 * hand-written JDBC on hot paths. Everything else is portable SQL.
 */
@ApplicationScoped
public class SqlDialect {

    private final boolean postgres;

    public SqlDialect(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = dbKind.toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Whole days from {@code earlier} to {@code later}, both DATE expressions. */
    public String daysBetween(String earlier, String later) {
        return postgres ? "(" + later + " - " + earlier + ")" : "DATEDIFF(DAY, " + earlier + ", " + later + ")";
    }

    /** A parameter marker whose string value is stored as JSON. */
    public String jsonParameter() {
        return postgres ? "CAST(? AS json)" : "? FORMAT JSON";
    }
}
