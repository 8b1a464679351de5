package io.salesrisk.kpi.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code salesrisk_kpi_value{kpi,scope}} on {@code /q/metrics}: the last value this instance evaluated of every KPI
 * and scope (scope as {@code SEGMENT:SMB}, {@code PORTFOLIO:all}).
 */
@ApplicationScoped
public class KpiMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    public KpiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Measured measured) {
        String scope = measured.scopeKind() + ":" + measured.scope();
        values.computeIfAbsent(measured.kpi() + "|" + scope, key -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.builder("salesrisk.kpi.value", value, AtomicReference::get).tag("kpi", measured.kpi().name())
                    .tag("scope", scope).description("the process KPI's last evaluated value").register(registry);
            return value;
        }).set(measured.value().doubleValue());
    }
}
