-- Rule effectiveness, signals and alerts: ${pairs} selects what was raised in the period as (rule, signal_type,
-- run_id, customer_id, as_of). Every customer a run of those assessed (its scope, created before the run, not a
-- failed item; the raised ones in any case) gets both outcomes of what happened next after the run's as-of day X:
-- dropped: sales of X's month and the 2 after it below half of the customer's usual sales, the 12 months before X's
-- month pro rata (as backtests measure it: BacktestOutcomeQuery; sales months are first days of months, so
-- "> X - 1 month" is "from X's month on");
-- overdue: an invoice more than ${overdueDays} days overdue within ${horizonDays} days after X.
-- An outcome is scored once its horizon has passed (dropped: X + 2 months before :monthStart, the first day of the
-- current month; overdue: X + ${horizonDays} days before :today). Per rule: the raised (run, customer) pairs with
-- their hits, and the same over every assessed customer of the runs the rule raised in (the base rate).
WITH raised AS (
    SELECT DISTINCT p.rule, p.signal_type, p.run_id, p.customer_id, p.as_of FROM (${pairs}) p
),
runs AS (
    SELECT DISTINCT x.run_id, x.as_of FROM raised x
),
assessed AS (
    SELECT ru.run_id, ru.as_of, c.id AS customer_id
    FROM runs ru
    JOIN reevaluation_runs r ON r.id = ru.run_id
    JOIN customers c ON (r.scope_key = 'all' OR r.scope_key = 'segment:' || c.segment OR r.scope_key = 'region:' || c.region
                         OR EXISTS (SELECT 1 FROM reevaluation_scope_ids si WHERE si.run_id = r.id AND si.customer_id = c.id))
    WHERE c.created_at <= r.created_at
      AND NOT EXISTS (SELECT 1 FROM reevaluation_failures rf WHERE rf.run_id = r.id AND rf.customer_id = c.id)
    UNION
    SELECT x.run_id, x.as_of, x.customer_id FROM raised x
),
outcomes AS (
    SELECT a.run_id, a.customer_id,
           CASE WHEN a.as_of + INTERVAL '2' MONTH < :monthStart THEN 1 ELSE 0 END AS drop_scored,
           CASE WHEN COALESCE((SELECT SUM(sh.amount) FROM sales_history sh WHERE sh.customer_id = a.customer_id
                                 AND sh.sales_month > a.as_of - INTERVAL '1' MONTH
                                 AND sh.sales_month <= a.as_of + INTERVAL '2' MONTH), 0) * 12
                     < 0.5 * 3 * COALESCE((SELECT SUM(sh.amount) FROM sales_history sh WHERE sh.customer_id = a.customer_id
                                 AND sh.sales_month > a.as_of - INTERVAL '13' MONTH
                                 AND sh.sales_month <= a.as_of - INTERVAL '1' MONTH), 0)
                THEN 1 ELSE 0 END AS dropped,
           CASE WHEN a.as_of + INTERVAL '${horizonDays}' DAY < :today THEN 1 ELSE 0 END AS overdue_scored,
           CASE WHEN EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = a.customer_id AND ${overdueAfterRun})
                THEN 1 ELSE 0 END AS overdue
    FROM assessed a
),
hits AS (
    SELECT x.rule, x.signal_type, COUNT(*) AS raised,
           SUM(o.drop_scored) AS drop_scored, SUM(o.drop_scored * o.dropped) AS drop_hits,
           SUM(o.overdue_scored) AS overdue_scored, SUM(o.overdue_scored * o.overdue) AS overdue_hits
    FROM raised x
    JOIN outcomes o ON o.run_id = x.run_id AND o.customer_id = x.customer_id
    GROUP BY x.rule, x.signal_type
),
rule_runs AS (
    SELECT DISTINCT x.rule, x.signal_type, x.run_id FROM raised x
),
base AS (
    SELECT rr.rule, rr.signal_type,
           SUM(o.drop_scored) AS base_drop_scored, SUM(o.drop_scored * o.dropped) AS base_drop_hits,
           SUM(o.overdue_scored) AS base_overdue_scored, SUM(o.overdue_scored * o.overdue) AS base_overdue_hits
    FROM rule_runs rr
    JOIN outcomes o ON o.run_id = rr.run_id
    GROUP BY rr.rule, rr.signal_type
)
SELECT h.rule, h.signal_type, h.raised, h.drop_scored, h.drop_hits, h.overdue_scored, h.overdue_hits,
       b.base_drop_scored, b.base_drop_hits, b.base_overdue_scored, b.base_overdue_hits
FROM hits h
JOIN base b ON b.rule = h.rule AND b.signal_type = h.signal_type
