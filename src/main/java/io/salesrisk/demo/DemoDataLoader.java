package io.salesrisk.demo;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import io.salesrisk.customer.persistence.CustomerRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

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
    private final CustomerRepository customers;
    private final DemoDataWriter writer;
    private final Clock clock;

    public DemoDataLoader(DemoConfig config, CustomerRepository customers, DemoDataWriter writer, Clock clock) {
        this.config = config;
        this.customers = customers;
        this.writer = writer;
        this.clock = clock;
    }

    @Transactional
    @TransactionConfiguration(timeout = 600)
    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!config.enabled() || customers.count() > 0) {
            return;
        }
        long start = System.nanoTime();
        DemoDataGenerator generator = new DemoDataGenerator(config.seed(), LocalDate.now(clock), 24, 24);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<DemoCustomer> chunk = new ArrayList<>(CHUNK);
        DemoTargets targets = new DemoTargets(YearMonth.now(clock));
        for (int index = 0; index < config.customers(); index++) {
            DemoCustomer customer = generator.customer(index);
            targets.add(customer);
            chunk.add(customer);
            if (chunk.size() == CHUNK) {
                writer.write(chunk, now);
                chunk.clear();
            }
        }
        writer.write(chunk, now);
        writer.writeMarketIndex(generator, YearMonth.now(clock).minusMonths(1));
        writer.writeTargets(targets.targets(), now);
        Log.infof("demo data: %d customers with 24 months of sales and invoices loaded in %d ms (seed %d)",
                config.customers(), (System.nanoTime() - start) / 1_000_000, config.seed());
    }
}
