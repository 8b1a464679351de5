-- Held orders: one hold per time an order is put on hold (REVIEW or BLOCK), what officers did about it, and the
-- order's lifecycle events from the CRM/ERP.

-- who entered the order (the user of its first evaluation): may never release it
ALTER TABLE sales_orders ADD COLUMN entered_by VARCHAR(100);

-- open_order_id is the order id while the hold is open (OPEN or PENDING_APPROVAL) and null after: at most one open
-- hold per order, portable to H2 (no partial indexes there). is_open leads the worklist index, so the oldest open
-- holds are read straight off it whatever the number of closed ones.
CREATE TABLE holds (
    id                   UUID           PRIMARY KEY,
    order_id             VARCHAR(64)    NOT NULL REFERENCES sales_orders (id),
    open_order_id        VARCHAR(64)    UNIQUE,
    is_open              BOOLEAN        NOT NULL,
    status               VARCHAR(20)    NOT NULL,
    customer_id          VARCHAR(64)    NOT NULL,
    customer_name        VARCHAR(200)   NOT NULL,
    segment              VARCHAR(40)    NOT NULL,
    region               VARCHAR(60)    NOT NULL,
    risk_class           VARCHAR(1)     NOT NULL,
    sales_rep            VARCHAR(100),
    decision_id          UUID           NOT NULL,
    outcome              VARCHAR(10)    NOT NULL,
    -- '|RuleA|RuleB|': filtered with LIKE, counted per distinct combination (at most 1000 characters, so that it
    -- fits the counts index)
    holding_rules        VARCHAR(1000)  NOT NULL,
    reasons              ${json}        NOT NULL,
    amount               NUMERIC(19, 2) NOT NULL,
    exposure             NUMERIC(19, 2) NOT NULL,
    credit_limit         NUMERIC(19, 2) NOT NULL,
    amount_over_limit    NUMERIC(19, 2) NOT NULL,
    rehold               BOOLEAN        NOT NULL,
    opened_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_to          VARCHAR(100),
    follow_up_date       DATE,
    ready_to_release     BOOLEAN        NOT NULL,
    ready_note           VARCHAR(1000),
    -- the first approval of a release that needs two
    first_approver       VARCHAR(100),
    first_approved_at    TIMESTAMP WITH TIME ZONE,
    -- how it ended: RELEASED, REJECTED, CLEARED (a later evaluation approved it), CANCELLED (the order was)
    closed_at            TIMESTAMP WITH TIME ZONE,
    closed_by            VARCHAR(100),
    resolution_code      VARCHAR(40),
    release_conditions   VARCHAR(400),
    release_valid_until  DATE,
    expiry_handled       BOOLEAN        NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX holds_worklist ON holds (is_open, opened_at);
CREATE INDEX holds_worklist_amount ON holds (is_open, amount);
CREATE INDEX holds_worklist_over_limit ON holds (is_open, amount_over_limit);
-- the worklist's counts by holding rule and age band are read from this index alone, with any of the worklist's
-- filters (WorklistBenchmark: counts of a filter asked for the first time among 100,000 open holds)
CREATE INDEX holds_worklist_counts ON holds (is_open, holding_rules, opened_at, outcome, status, segment, region,
    risk_class, sales_rep, assigned_to, customer_id, follow_up_date, ready_to_release);
CREATE INDEX holds_order ON holds (order_id, opened_at);
CREATE INDEX holds_closed_at ON holds (closed_at);
CREATE INDEX holds_release_expiry ON holds (status, expiry_handled, release_valid_until);

-- every action on a hold, with who, when and why: the audit trail shown on the order
CREATE TABLE hold_actions (
    id           UUID           PRIMARY KEY,
    hold_id      UUID           NOT NULL REFERENCES holds (id),
    order_id     VARCHAR(64)    NOT NULL,
    action       VARCHAR(40)    NOT NULL,
    actor        VARCHAR(100)   NOT NULL,
    acted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason_code  VARCHAR(40),
    comment      VARCHAR(2000),
    details      VARCHAR(4000)
);
CREATE INDEX hold_actions_hold ON hold_actions (hold_id, acted_at);
CREATE INDEX hold_actions_order ON hold_actions (order_id, acted_at);

-- background rechecks of open holds ("evaluate for release")
CREATE TABLE hold_recheck_runs (
    id             UUID           PRIMARY KEY,
    status         VARCHAR(12)    NOT NULL,
    run_trigger    VARCHAR(20)    NOT NULL,
    requested_by   VARCHAR(100)   NOT NULL,
    filter         VARCHAR(2000)  NOT NULL,
    total          INTEGER        NOT NULL,
    checked        INTEGER        NOT NULL,
    cleared        INTEGER        NOT NULL,
    released       INTEGER        NOT NULL,
    still_held     INTEGER        NOT NULL,
    failed         INTEGER        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- progress is written at least every 100 orders: a running run not updated for long lost its instance
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    failure        VARCHAR(2000)
);

-- lifecycle events from the CRM/ERP; the event id makes a resent event harmless
CREATE TABLE order_events (
    event_id                 VARCHAR(100)   PRIMARY KEY,
    order_id                 VARCHAR(64)    NOT NULL REFERENCES sales_orders (id),
    event_type               VARCHAR(12)    NOT NULL,
    occurred_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by              VARCHAR(100)   NOT NULL,
    amount                   NUMERIC(19, 2),
    requested_delivery_date  DATE,
    result                   VARCHAR(1000)  NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, occurred_at);
