package io.salesrisk.contingency.catalog;

/** A cell of the 5x5 risk matrix. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL
}
