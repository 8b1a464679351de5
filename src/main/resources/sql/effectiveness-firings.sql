-- Rule effectiveness, order rules: per rule, the decisions it fired in within [:from, :to), how often it fired there
-- and how many of those decisions it decided (read from the period index of decision_rule_firings alone).
SELECT f.rule,
       COUNT(*) AS decisions,
       COALESCE(SUM(f.times), 0) AS fired,
       COALESCE(SUM(CASE WHEN f.decided = TRUE THEN 1 ELSE 0 END), 0) AS decided
FROM decision_rule_firings f
WHERE f.evaluated_at >= :from AND f.evaluated_at < :to
GROUP BY f.rule
