-- Webhook subscriptions and their deliveries. A subscription receives the outbox events appended after it was
-- created (from_seq) that match its event types and minimum severity; each (subscription, event) pair is one
-- delivery row, retried until delivered or given up, and the unit that one instance claims.
CREATE TABLE webhook_subscriptions (
    id              UUID           PRIMARY KEY,
    url             VARCHAR(2000)  NOT NULL,
    -- comma-separated outbox event types; empty = every type
    event_types     VARCHAR(500)   NOT NULL,
    min_severity    VARCHAR(10)    NOT NULL,
    -- whsec_ + base64 key; needed in clear to sign every message
    secret          VARCHAR(200)   NOT NULL,
    description     VARCHAR(500),
    enabled         BOOLEAN        NOT NULL,
    disabled_reason VARCHAR(1000),
    disabled_at     TIMESTAMP WITH TIME ZONE,
    -- first failed attempt since the last success: failing for salesrisk.webhooks.disable-after disables it
    failing_since   TIMESTAMP WITH TIME ZONE,
    -- the outbox seq when it was created: older events are not for it
    from_seq        BIGINT         NOT NULL,
    created_by      VARCHAR(100)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- How far the fan-out has read the outbox: one row, locked FOR UPDATE by the instance fanning out, and advanced in
-- the transaction that inserts the deliveries, so an event is fanned out exactly once.
CREATE TABLE webhook_cursor (
    id          INT     PRIMARY KEY,
    last_seq    BIGINT  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO webhook_cursor (id, last_seq, updated_at) VALUES (1, 0, CURRENT_TIMESTAMP);

CREATE TABLE webhook_deliveries (
    id               UUID          PRIMARY KEY,
    subscription_id  UUID          NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    -- the outbox event id: the webhook-id header, the same on every retry and replay
    event_id         UUID          NOT NULL,
    event_seq        BIGINT        NOT NULL,
    event_type       VARCHAR(60)   NOT NULL,
    event_created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- PENDING (due at next_attempt_at), DELIVERED, FAILED (retries used up, or 410 Gone)
    status           VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the instance that claimed it last; the claim holds until lease_until (null once the attempt is recorded)
    claimed_by       VARCHAR(200),
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_status      INT,
    last_error       VARCHAR(1000),
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, event_seq);

-- Outbox seqs the fan-out read past while they were missing (gap older than the gap wait): a transaction that took
-- one and commits later still is fanned out when it shows up; rows older than the late-commit window are forgotten
-- (rolled back for sure).
CREATE TABLE webhook_skipped_seqs (
    seq         BIGINT  PRIMARY KEY,
    skipped_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
