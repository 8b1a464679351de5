package io.salesrisk.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The test suite runs against PostgreSQL on 127.0.0.1:5432 (database {@code test}), or the URL in
 * {@code SALESRISK_TEST_DB_URL}. Where none answers, it starts an embedded PostgreSQL (which refuses to run as root).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String url = env("SALESRISK_TEST_DB_URL", DEFAULT_URL);
        String user = env("SALESRISK_TEST_DB_USER", "postgres");
        if (reachable(url, user)) {
            return Map.of();
        }
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("no PostgreSQL answers at " + url + " and the embedded fallback cannot run as root;"
                    + " start PostgreSQL or set SALESRISK_TEST_DB_URL");
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL at " + url + " and the embedded one did not start", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", embedded.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres");
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is ending; the data directory is temporary
            }
        }
    }

    private static boolean reachable(String url, String user) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(url, user, env("SALESRISK_TEST_DB_PASSWORD", ""))) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
