-- Process KPIs: every evaluation (scheduled or on demand) and the values it measured, kept as history; and the
-- sales targets the attainment KPI compares with. No column had to be added to the order tables: shipping dates
-- come from the SHIPPED order events, contracts and discounts from sales_orders and the released holds.

-- One row per evaluation. A scheduled evaluation's tick key (e.g. schedule:2026-12-03T14:00Z) is unique, so when
-- several instances fire the same tick only the one whose insert wins evaluates; on-demand evaluations have none.
CREATE TABLE kpi_evaluations (
    id              UUID           PRIMARY KEY,
    tick_key        VARCHAR(100)   UNIQUE,
    as_of           DATE           NOT NULL,
    requested_by    VARCHAR(100)   NOT NULL,
    ruleset_version VARCHAR(64)    NOT NULL,
    evaluated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kpi_evaluations_at ON kpi_evaluations (evaluated_at);

CREATE TABLE kpi_values (
    id             UUID           PRIMARY KEY,
    evaluation_id  UUID           NOT NULL REFERENCES kpi_evaluations (id),
    kpi            VARCHAR(40)    NOT NULL,
    scope_kind     VARCHAR(12)    NOT NULL,
    scope          VARCHAR(100)   NOT NULL,
    period         VARCHAR(60)    NOT NULL,
    kpi_value      NUMERIC(19, 3),
    -- OK, WATCH, ALERT, or null when no row of the KPI table answered
    band           VARCHAR(10),
    rule_name      VARCHAR(200),
    rule_row       VARCHAR(300),
    message        VARCHAR(1000),
    -- the figures the value was computed from (numerator, denominator, ...)
    inputs         VARCHAR(2000)  NOT NULL,
    evaluated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kpi_values_history ON kpi_values (kpi, scope_kind, scope, evaluated_at);
CREATE INDEX kpi_values_at ON kpi_values (evaluated_at);

-- Monthly sales targets per segment, region or sales rep (imported from targets.csv)
CREATE TABLE sales_targets (
    scope_kind    VARCHAR(12)    NOT NULL,
    scope         VARCHAR(100)   NOT NULL,
    target_month  DATE           NOT NULL,
    amount        NUMERIC(19, 2) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope_kind, scope, target_month)
);
