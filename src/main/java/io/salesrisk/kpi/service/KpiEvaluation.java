package io.salesrisk.kpi.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One evaluation of the process KPIs: what it measured and what it did to the KPI alerts. */
public record KpiEvaluation(UUID id, LocalDate asOf, OffsetDateTime evaluatedAt, String ruleSetVersion,
                            int alertsOpened, int alertsRepeated, int alertsClosed, List<KpiReadingView> readings) {
}
