-- Rule effectiveness, holding rules: the holds whose decision was taken in [:from, :to), per rule that asked for the
-- hold (REVIEW or BLOCK), how officers ended them, and of the releases whose horizon has passed (released before
-- :matureBefore) those after which the customer had an invoice more than ${overdueDays} days overdue within
-- ${horizonDays} days of the release (${overdueAfter} with X the release day). Automatic releases are no override.
SELECT f.rule,
       COUNT(*) AS holds,
       COALESCE(SUM(CASE WHEN h.status = 'RELEASED' AND COALESCE(h.resolution_code, '') <> 'AUTO_RELEASED' THEN 1 ELSE 0 END), 0) AS released,
       COALESCE(SUM(CASE WHEN h.status = 'REJECTED' THEN 1 ELSE 0 END), 0) AS rejected,
       COALESCE(SUM(CASE WHEN h.status = 'RELEASED' AND COALESCE(h.resolution_code, '') <> 'AUTO_RELEASED'
                          AND h.closed_at < :matureBefore THEN 1 ELSE 0 END), 0) AS released_scored,
       COALESCE(SUM(CASE WHEN h.status = 'RELEASED' AND COALESCE(h.resolution_code, '') <> 'AUTO_RELEASED'
                          AND h.closed_at < :matureBefore
                          AND EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = h.customer_id
                                      AND ${overdueAfterRelease}) THEN 1 ELSE 0 END), 0) AS bad_releases
FROM decision_rule_firings f
JOIN holds h ON h.order_id = f.order_id AND h.decision_id = f.decision_id
WHERE f.evaluated_at >= :from AND f.evaluated_at < :to AND f.reaction IN ('REVIEW', 'BLOCK')
GROUP BY f.rule
