package io.salesrisk.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Loads generated demo data on startup when enabled and the database has no customers yet. */
@ApplicationScoped
public class DemoDataLoader {

    private static final int CHUNK = 200;

    private final DemoConfig config;
    private final AgroalDataSource dataSource;
    private final Clock clock;

    public DemoDataLoader(DemoConfig config, AgroalDataSource dataSource, Clock clock) {
        this.config = config;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes @Priority(20) StartupEvent event) throws SQLException {
        if (!config.enabled()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (hasCustomers(connection)) {
                return;
            }
            long start = System.nanoTime();
            DemoDataGenerator generator = new DemoDataGenerator(config.seed(), LocalDate.now(clock), 24, 24);
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<DemoCustomer> chunk = new ArrayList<>(CHUNK);
            for (int index = 0; index < config.customers(); index++) {
                chunk.add(generator.customer(index));
                if (chunk.size() == CHUNK) {
                    DemoDataWriter.write(connection, chunk, now);
                    chunk.clear();
                }
            }
            DemoDataWriter.write(connection, chunk, now);
            DemoDataWriter.writeMarketIndex(connection, generator, YearMonth.now(clock).minusMonths(1));
            Log.infof("demo data: %d customers with 24 months of sales and invoices loaded in %d ms (seed %d)",
                    config.customers(), (System.nanoTime() - start) / 1_000_000, config.seed());
        }
    }

    private static boolean hasCustomers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM customers")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }
}
