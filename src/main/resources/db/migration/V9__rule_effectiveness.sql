-- Rule effectiveness: one row per rule that fired in a decision, written by the decision writer in the same
-- group-commit batch as the decision, so per-rule counts are one indexed aggregate instead of expanding the
-- decisions.fired_rules JSON (which H2 cannot do portably). On PostgreSQL the decisions stored before this migration
-- are backfilled from their JSON below (the same reading as decision.persistence.RuleFirings); on H2 (the embedded
-- development database) they are not: there effectiveness counts from the migration on.
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

-- PostgreSQL only: every line starts with ${postgres_only}, an empty comment there and a line comment on H2
${postgres_only}INSERT INTO decision_rule_firings (decision_id, rule, ruleset_version, evaluated_at, order_id, customer_id, times,
${postgres_only}    reaction, decided)
${postgres_only}SELECT d.id, LEFT(f.rule, 200), d.ruleset_version, d.evaluated_at, d.order_id, d.customer_id, COUNT(*), r.reaction,
${postgres_only}       COALESCE(r.reaction = d.outcome AND (d.outcome <> 'APPROVE' OR r.conditioned), FALSE)
${postgres_only}FROM decisions d
${postgres_only}CROSS JOIN LATERAL json_array_elements_text(CAST(d.fired_rules AS json)) AS f(rule)
${postgres_only}LEFT JOIN LATERAL (
${postgres_only}    SELECT CASE MAX(CASE x->>'outcome' WHEN 'BLOCK' THEN 3 WHEN 'REVIEW' THEN 2 WHEN 'APPROVE' THEN 1 END)
${postgres_only}             WHEN 3 THEN 'BLOCK' WHEN 2 THEN 'REVIEW' WHEN 1 THEN 'APPROVE' END AS reaction,
${postgres_only}           BOOL_OR(x->>'condition' IS NOT NULL) AS conditioned
${postgres_only}    FROM json_array_elements(CAST(d.reasons AS json)) x
${postgres_only}    WHERE x->>'rule' = f.rule
${postgres_only}) r ON TRUE
${postgres_only}GROUP BY d.id, f.rule, d.ruleset_version, d.evaluated_at, d.order_id, d.customer_id, d.outcome, r.reaction, r.conditioned;
