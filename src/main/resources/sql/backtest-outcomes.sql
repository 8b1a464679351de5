-- What happened to each customer of an id range after a backtest's as-of day, within its horizon, one row per
-- customer: sales of the horizon's months from the as-of month, and of the 12 months before it (the customer's usual
-- sales, which BacktestOutcome compares pro rata: a buyer who paused before the as-of day has no "previous 3 months"); the
-- most days any invoice was overdue up to the horizon's end (an invoice unpaid on the as-of day or issued since,
-- counted until it was paid or the horizon ended); held orders rejected by an officer within the horizon.
-- ${daysOverdue} is filled in by BacktestOutcomeQuery for the database's date arithmetic.
WITH sales AS (
  SELECT s.customer_id,
         SUM(CASE WHEN s.sales_month < :afterStart THEN s.amount ELSE 0 END) AS sales_before,
         SUM(CASE WHEN s.sales_month >= :afterStart THEN s.amount ELSE 0 END) AS sales_after
  FROM sales_history s
  WHERE s.customer_id >= :firstId AND s.customer_id <= :lastId
    AND s.sales_month >= :beforeStart AND s.sales_month < :afterEnd
  GROUP BY s.customer_id
),
late AS (
  SELECT i.customer_id, MAX(${daysOverdue}) AS max_days_overdue
  FROM invoices i
  WHERE i.customer_id >= :firstId AND i.customer_id <= :lastId
    AND i.due_date < :horizonEnd AND i.issue_date < :horizonEnd
    AND ((i.paid_date IS NULL AND i.paid_amount < i.amount) OR i.paid_date > :asOf)
  GROUP BY i.customer_id
),
rejected AS (
  SELECT h.customer_id, COUNT(*) AS rejected_holds
  FROM holds h
  WHERE h.customer_id >= :firstId AND h.customer_id <= :lastId
    AND h.status = 'REJECTED' AND h.closed_at >= :asOfStart AND h.closed_at < :horizonEndStart
  GROUP BY h.customer_id
)
SELECT c.id, sa.sales_before, sa.sales_after, l.max_days_overdue, r.rejected_holds
FROM customers c
LEFT JOIN sales sa ON sa.customer_id = c.id
LEFT JOIN late l ON l.customer_id = c.id
LEFT JOIN rejected r ON r.customer_id = c.id
WHERE c.id >= :firstId AND c.id <= :lastId
ORDER BY c.id
