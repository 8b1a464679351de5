package io.salesrisk.spark;

import io.salesrisk.demo.persistence.DemoCopyLoader;
import io.salesrisk.demo.DemoDataGenerator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The PostgreSQL the tests use: the same server as the service's tests (SALESRISK_TEST_DB_URL, by default
 * 127.0.0.1:5432, user postgres), with databases of their own that each test creates from scratch.
 */
final class TestDatabases {

    static final String BASE_URL = System.getenv().getOrDefault("SALESRISK_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("SALESRISK_TEST_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("SALESRISK_TEST_DB_PASSWORD", "");

    private TestDatabases() {
    }

    static String url(String database) {
        int slash = BASE_URL.lastIndexOf('/');
        int query = BASE_URL.indexOf('?', slash);
        return BASE_URL.substring(0, slash + 1) + database + (query < 0 ? "" : BASE_URL.substring(query));
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }

    static JobDatabase job(String database) {
        return new JobDatabase(url(database), USER, PASSWORD);
    }

    /** Drops and creates the database, empty, or as a copy of {@code template}. */
    static void recreate(String database, String template) throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database + (template == null ? "" : " TEMPLATE " + template));
        }
    }

    /** Generated customers (the benchmark's generator) into a migrated, empty database. */
    static void load(String database, int customers, LocalDate asOf) throws SQLException {
        try (Connection connection = connect(database)) {
            DemoCopyLoader.load(connection, new DemoDataGenerator(7, asOf, 24, 5), customers,
                    YearMonth.from(asOf).minusMonths(1), loaded -> { });
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE");
            }
        }
    }
}
