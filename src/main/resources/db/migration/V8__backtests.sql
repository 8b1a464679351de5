-- Backtests: the re-evaluation rules of a version run as of a past day over the history known then, scored against
-- what happened within the horizon. Nothing live is written: this table (owned by the backtest feature) holds the
-- backtest, its progress and its report, and is the only table a backtest writes.
CREATE TABLE backtests (
    id               UUID           PRIMARY KEY,
    ruleset_version  VARCHAR(64)    NOT NULL,
    as_of            DATE           NOT NULL,
    horizon_months   INTEGER        NOT NULL,
    -- all, segment:X or region:X (RunScope.key)
    scope            VARCHAR(120)   NOT NULL,
    status           VARCHAR(12)    NOT NULL,
    requested_by     VARCHAR(100)   NOT NULL,
    customers_total  INTEGER        NOT NULL,
    customers_done   INTEGER        NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the last chunk done (or the start): a RUNNING backtest without progress for long lost its instance
    progress_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    error            VARCHAR(2000),
    report           ${json}
);
CREATE INDEX backtests_created ON backtests (created_at);
CREATE INDEX backtests_status ON backtests (status, progress_at);
