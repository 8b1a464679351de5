-- Rule effectiveness: one row per rule that fired in a decision, written by the decision writer in the same
-- group-commit batch as the decision, so per-rule counts are one indexed aggregate instead of expanding the
-- decisions.fired_rules JSON (which H2 cannot do portably). Decisions stored before this migration have no rows:
-- effectiveness counts from the migration on (the fired rules stay in the JSON for explanation and replay).
CREATE TABLE decision_rule_firings (
    decision_id      UUID           NOT NULL,
    rule             VARCHAR(200)   NOT NULL,
    ruleset_version  VARCHAR(64)    NOT NULL,
    evaluated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    order_id         VARCHAR(64)    NOT NULL,
    customer_id      VARCHAR(64)    NOT NULL,
    -- how often the rule fired in this decision (usually 1)
    times            INTEGER        NOT NULL,
    -- the strongest reaction the rule asked for (BLOCK, REVIEW, APPROVE), null when it gave no reason
    reaction         VARCHAR(10),
    -- its reaction was the decision's final outcome: BLOCK or REVIEW, or an approval under a condition it set
    decided          BOOLEAN        NOT NULL,
    PRIMARY KEY (decision_id, rule)
);
-- the report's period scan: per rule in a time range, read from the index alone for fired and decided counts
CREATE INDEX decision_rule_firings_period ON decision_rule_firings (evaluated_at, rule, decided, times);
