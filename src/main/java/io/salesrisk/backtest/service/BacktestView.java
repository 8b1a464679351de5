package io.salesrisk.backtest.service;

import io.salesrisk.backtest.persistence.BacktestRepository.StoredBacktest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A backtest as the API shows it: its request, progress and, once COMPLETED, its report. */
public record BacktestView(UUID id, String rulesetVersion, LocalDate asOf, int horizonMonths, String scope, String status,
                           String requestedBy, int customersTotal, int customersDone, int progressPercent,
                           OffsetDateTime createdAt, OffsetDateTime finishedAt, String error, BacktestReport report) {

    public static BacktestView of(StoredBacktest b, BacktestReport report) {
        int percent = b.customersTotal() == 0 ? (b.status().equals("RUNNING") ? 0 : 100)
                : (int) Math.min(100, 100L * b.customersDone() / b.customersTotal());
        return new BacktestView(b.id(), b.rulesetVersion(), b.asOf(), b.horizonMonths(), b.scope(), b.status(), b.requestedBy(),
                b.customersTotal(), b.customersDone(), percent, b.createdAt(), b.finishedAt(), b.error(), report);
    }
}
