package io.salesrisk.kpi.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** The process KPIs: schedule (read by the scheduler as {@code ${salesrisk.kpis.schedule}}), window and limits. */
@ConfigMapping(prefix = "salesrisk.kpis")
public interface KpiConfig {

    /** Quartz cron of the scheduled evaluation, or "off". */
    @WithDefault("0 0 * * * ?")
    String schedule();

    /** Days the credit, order and shipping KPIs look back from the as-of day. */
    @WithDefault("90")
    int windowDays();

    /** Open holds older than this many hours wait too long. */
    @WithDefault("48")
    int heldWaitingHours();

    /** Orders above this amount need a signed contract. */
    @WithDefault("50000")
    BigDecimal contractRequiredAbove();
}
