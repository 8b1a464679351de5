-- Customer re-evaluation: scores and classes on the customer, batch runs shared by instances in chunks, what each
-- run changed, limit increases waiting for approval, risk signals, alerts, market indices, contingency plans.

-- score of the last assessment (null: never assessed); prepayment the last assessment requires
ALTER TABLE customers ADD COLUMN score INTEGER;
ALTER TABLE customers ADD COLUMN prepayment_required BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX customers_region ON customers (region);

CREATE TABLE market_index (
    industry      VARCHAR(80)    NOT NULL,
    index_month   DATE           NOT NULL,
    index_value   NUMERIC(14, 4) NOT NULL,
    PRIMARY KEY (industry, index_month)
);

-- active_scope is the scope key while the run is not finished and null after: one run per scope at a time.
-- schedule_key (nightly:<day>) keeps instances that fire the same schedule from starting it twice.
CREATE TABLE reevaluation_runs (
    id               UUID           PRIMARY KEY,
    scope_key        VARCHAR(300)   NOT NULL,
    active_scope     VARCHAR(300)   UNIQUE,
    schedule_key     VARCHAR(100)   UNIQUE,
    scope            ${json}        NOT NULL,
    status           VARCHAR(12)    NOT NULL,
    run_trigger      VARCHAR(12)    NOT NULL,
    requested_by     VARCHAR(100)   NOT NULL,
    as_of            DATE           NOT NULL,
    ruleset_version  VARCHAR(12)    NOT NULL,
    constants        ${json}        NOT NULL,
    total            INTEGER        NOT NULL,
    chunks           INTEGER        NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finishing_by     VARCHAR(100),
    finishing_at     TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    summary          ${json}
);
CREATE INDEX reevaluation_runs_status ON reevaluation_runs (status, created_at);

-- the customers of a run over a list of ids
CREATE TABLE reevaluation_scope_ids (
    run_id       UUID          NOT NULL REFERENCES reevaluation_runs (id),
    customer_id  VARCHAR(64)   NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);

-- a chunk is claimed by one instance (claimed_by, attempts as the claim's token) and becomes DONE in the same
-- transaction as its customers' results, so a customer is never counted twice
CREATE TABLE reevaluation_chunks (
    run_id        UUID          NOT NULL REFERENCES reevaluation_runs (id),
    chunk_no      INTEGER       NOT NULL,
    first_id      VARCHAR(64)   NOT NULL,
    last_id       VARCHAR(64)   NOT NULL,
    size          INTEGER       NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    claimed_by    VARCHAR(100),
    claimed_at    TIMESTAMP WITH TIME ZONE,
    attempts      INTEGER       NOT NULL,
    done_count    INTEGER       NOT NULL,
    failed_count  INTEGER       NOT NULL,
    stats         ${json},
    error         VARCHAR(1000),
    PRIMARY KEY (run_id, chunk_no)
);
CREATE INDEX reevaluation_chunks_status ON reevaluation_chunks (run_id, status);

-- what a run changed for a customer, with the reasons (customers whose values stay the same get no row)
CREATE TABLE customer_assessments (
    run_id          UUID           NOT NULL,
    customer_id     VARCHAR(64)    NOT NULL,
    assessed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    score_before    INTEGER,
    score           INTEGER        NOT NULL,
    class_before    VARCHAR(1)     NOT NULL,
    class_after     VARCHAR(1)     NOT NULL,
    limit_before    NUMERIC(19, 2) NOT NULL,
    limit_after     NUMERIC(19, 2) NOT NULL,
    limit_proposed  NUMERIC(19, 2),
    terms_before    INTEGER        NOT NULL,
    terms_after     INTEGER        NOT NULL,
    prepayment_before BOOLEAN      NOT NULL,
    prepayment      BOOLEAN        NOT NULL,
    reasons         ${json}        NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);
CREATE INDEX customer_assessments_customer ON customer_assessments (customer_id, assessed_at);

CREATE TABLE reevaluation_failures (
    run_id       UUID           NOT NULL,
    customer_id  VARCHAR(64)    NOT NULL,
    reason       VARCHAR(1000)  NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);

-- open_key (the customer id) is set while the proposal waits: one pending proposal per customer
CREATE TABLE limit_proposals (
    id              UUID           PRIMARY KEY,
    customer_id     VARCHAR(64)    NOT NULL REFERENCES customers (id),
    run_id          UUID           NOT NULL,
    current_limit   NUMERIC(19, 2) NOT NULL,
    proposed_limit  NUMERIC(19, 2) NOT NULL,
    status          VARCHAR(12)    NOT NULL,
    open_key        VARCHAR(64)    UNIQUE,
    reasons         ${json}        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by      VARCHAR(100),
    decided_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX limit_proposals_status ON limit_proposals (status, created_at);

CREATE TABLE risk_signals (
    id           UUID           PRIMARY KEY,
    run_id       UUID           NOT NULL,
    customer_id  VARCHAR(64)    NOT NULL,
    signal_type  VARCHAR(40)    NOT NULL,
    severity     VARCHAR(10)    NOT NULL,
    rule         VARCHAR(200)   NOT NULL,
    message      VARCHAR(1000)  NOT NULL,
    signal_values ${json}       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX risk_signals_customer ON risk_signals (customer_id, created_at);
CREATE INDEX risk_signals_run ON risk_signals (run_id);

-- open_key (type and subject) is set while the alert is open: a finding repeated by later runs updates it
CREATE TABLE alerts (
    id            UUID           PRIMARY KEY,
    alert_type    VARCHAR(40)    NOT NULL,
    subject_type  VARCHAR(12)    NOT NULL,
    subject_id    VARCHAR(140)   NOT NULL,
    owner         VARCHAR(100),
    run_id        UUID,
    open_key      VARCHAR(200)   UNIQUE,
    severity      VARCHAR(10)    NOT NULL,
    status        VARCHAR(14)    NOT NULL,
    message       VARCHAR(1000)  NOT NULL,
    alert_values  ${json}        NOT NULL,
    first_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    occurrences   INTEGER        NOT NULL,
    closed_at     TIMESTAMP WITH TIME ZONE,
    closed_by     VARCHAR(100)
);
CREATE INDEX alerts_status ON alerts (status, last_seen);

-- active_key (plan and scope) is set while the plan is active
CREATE TABLE contingency_plans (
    id              UUID           PRIMARY KEY,
    plan_code       VARCHAR(60)    NOT NULL,
    risk_type       VARCHAR(60)    NOT NULL,
    risk_level      VARCHAR(12)    NOT NULL,
    scope           VARCHAR(140)   NOT NULL,
    active_key      VARCHAR(200)   UNIQUE,
    status          VARCHAR(10)    NOT NULL,
    rule            VARCHAR(200)   NOT NULL,
    message         VARCHAR(1000)  NOT NULL,
    trigger_values  ${json}        NOT NULL,
    actions         ${json}        NOT NULL,
    run_id          UUID,
    activated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE,
    ended_by        VARCHAR(100),
    end_reason      VARCHAR(1000)
);
CREATE INDEX contingency_plans_status ON contingency_plans (status);
