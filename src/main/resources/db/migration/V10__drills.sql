-- Contingency drills: a scenario run over copies of the facts in memory. Nothing live is changed by a drill; its
-- only trace is this row, with the scenario it supposed and the report of what would have followed.
CREATE TABLE drills (
    id               UUID           PRIMARY KEY,
    scenario         VARCHAR(30)    NOT NULL,
    -- the request's fields of the scenario (customerId, segment, region, industry, percent, sharePercent)
    parameters       ${json}        NOT NULL,
    description      VARCHAR(300)   NOT NULL,
    ruleset_version  VARCHAR(12)    NOT NULL,
    -- whether the version drilled was the active one when the drill ran (false: a candidate)
    active_version   BOOLEAN        NOT NULL,
    as_of            DATE           NOT NULL,
    requested_by     VARCHAR(100)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    millis           BIGINT         NOT NULL,
    -- headline figures for lists; everything else is in the report
    customers        INTEGER        NOT NULL,
    changed          INTEGER        NOT NULL,
    plans_activated  INTEGER        NOT NULL,
    plans_added      INTEGER        NOT NULL,
    orders_held      INTEGER        NOT NULL,
    report           ${json}        NOT NULL
);
CREATE INDEX drills_created ON drills (created_at);
