-- The profiles of one chunk of customers (an id range within the run's scope), one row per customer: the database
-- sums 24 months of sales into the figures rules need (12-month totals, seasonal baseline, median and median absolute
-- deviation), ages the receivables, measures payment behaviour and DSO, and sums orders. The aggregates read sales,
-- invoices and orders by id range in index order, so the chunk's rows are never sorted.
-- ${...} are filled in by ProfileQuery: ${receivables} and ${open}, ${overdue}, ${daysLate} are the one definition of
-- the receivable figures (invoice.persistence.ReceivableSql); ${openOrders} which orders count in the exposure;
-- ${inScope*} keep a segment, region or list run to its customers before aggregating (empty for a run over all);
-- ${invoices} and ${orders} are the tables, or for a backtest the rows as they were known on the as-of day.
WITH scoped AS (
  SELECT c.id, c.segment, c.region, c.industry, c.years_in_business, c.external_rating, c.risk_class,
         c.credit_limit, c.payment_terms_days, c.prepayment_required, c.score
  FROM customers c
  WHERE c.id >= :firstId AND c.id <= :lastId
    AND (:segment = '' OR c.segment = :segment)
    AND (:region = '' OR c.region = :region)
    AND (:byIds = 0 OR c.id IN (SELECT x.customer_id FROM reevaluation_scope_ids x WHERE x.run_id = :runId))
),
sales_figures AS (
  SELECT s.customer_id,
         COUNT(*) AS months,
         MIN(s.sales_month) AS first_sales_month,
         SUM(CASE WHEN s.amount > 0 THEN 1 ELSE 0 END) AS purchase_months,
         MIN(CASE WHEN s.amount > 0 THEN s.sales_month END) AS first_purchase_month,
         MAX(CASE WHEN s.amount > 0 THEN s.sales_month END) AS last_purchase_month,
         SUM(CASE WHEN s.amount < 0 THEN 1 ELSE 0 END) AS negative_months,
         PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s.amount) AS median_sales,
         SUM(CASE WHEN s.sales_month >= :m12 THEN s.amount ELSE 0 END) AS sales_12m,
         SUM(CASE WHEN s.sales_month < :m12 THEN s.amount ELSE 0 END) AS sales_previous_12m,
         SUM(CASE WHEN s.sales_month < :m12 THEN 1 ELSE 0 END) AS months_previous_12m,
         SUM(CASE WHEN s.sales_month = :m1 THEN s.amount ELSE 0 END) AS last_month,
         SUM(CASE WHEN s.sales_month = :m2 THEN s.amount ELSE 0 END) AS previous_month,
         SUM(CASE WHEN s.sales_month >= :m3 THEN s.amount ELSE 0 END) AS last_3_months,
         SUM(CASE WHEN s.sales_month >= :m15 AND s.sales_month <= :m13 THEN s.amount ELSE 0 END) AS same_months_last_year
  FROM sales_history s
  WHERE s.customer_id >= :firstId AND s.customer_id <= :lastId
    AND s.sales_month >= :m24 AND s.sales_month <= :m1 ${inScopeSales}
  GROUP BY s.customer_id
),
sales_spread AS (
  SELECT s.customer_id,
         PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ABS(s.amount - f.median_sales)) AS mad_sales
  FROM sales_history s JOIN sales_figures f ON f.customer_id = s.customer_id
  WHERE s.customer_id >= :firstId AND s.customer_id <= :lastId
    AND s.sales_month >= :m24 AND s.sales_month <= :m1
  GROUP BY s.customer_id
),
receivables AS (
  SELECT i.customer_id,
         ${receivables},
         SUM(CASE WHEN i.paid_amount < i.amount AND i.due_date >= :asOf THEN ${open} ELSE 0 END) AS not_due,
         SUM(CASE WHEN ${overdue} AND i.due_date >= :d30 THEN ${open} ELSE 0 END) AS overdue_1_30,
         SUM(CASE WHEN ${overdue} AND i.due_date < :d30 AND i.due_date >= :d60 THEN ${open} ELSE 0 END) AS overdue_31_60,
         SUM(CASE WHEN ${overdue} AND i.due_date < :d60 AND i.due_date >= :d90 THEN ${open} ELSE 0 END) AS overdue_61_90,
         SUM(CASE WHEN ${overdue} AND i.due_date < :d90 THEN ${open} ELSE 0 END) AS overdue_over_90,
         SUM(CASE WHEN i.due_date >= :halfStart AND i.due_date < :asOf THEN 1 ELSE 0 END) AS due_recent,
         SUM(CASE WHEN i.due_date >= :halfStart AND i.due_date < :asOf THEN ${daysLate} ELSE 0 END) AS days_late_recent,
         SUM(CASE WHEN i.due_date >= :periodStart AND i.due_date < :halfStart THEN 1 ELSE 0 END) AS due_earlier,
         SUM(CASE WHEN i.due_date >= :periodStart AND i.due_date < :halfStart THEN ${daysLate} ELSE 0 END) AS days_late_earlier,
         PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN i.issue_date >= :periodStart
                  AND i.issue_date <= :asOf THEN i.amount END) AS typical_invoice,
         PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY CASE WHEN i.issue_date >= :periodStart
                  AND i.issue_date <= :asOf THEN i.amount END) AS large_invoice,
         SUM(CASE WHEN i.issue_date >= :periodStart AND i.issue_date <= :asOf THEN 1 ELSE 0 END) AS invoices_issued,
         SUM(CASE WHEN i.amount < 0 OR i.paid_amount < 0 THEN 1 ELSE 0 END) AS negative_invoices
  FROM ${invoices} i
  WHERE i.customer_id >= :firstId AND i.customer_id <= :lastId ${inScopeInvoices}
  GROUP BY i.customer_id
),
orders AS (
  SELECT o.customer_id,
         SUM(CASE WHEN ${openOrders} THEN o.amount ELSE 0 END) AS open_orders,
         MAX(CASE WHEN o.order_date > :recentStart AND o.status <> 'CANCELLED' THEN o.amount END) AS largest_recent_order
  FROM ${orders} o
  WHERE o.customer_id >= :firstId AND o.customer_id <= :lastId ${inScopeOrders}
  GROUP BY o.customer_id
)
SELECT sc.*, sf.months, sf.first_sales_month, sf.purchase_months, sf.first_purchase_month, sf.last_purchase_month, sf.negative_months, sf.median_sales, sp.mad_sales, sf.sales_12m,
       sf.sales_previous_12m, sf.months_previous_12m, sf.last_month, sf.previous_month, sf.last_3_months,
       sf.same_months_last_year,
       r.open_receivables, r.overdue_amount, r.oldest_overdue_due, r.invoices_due, r.paid_on_time, r.days_late,
       r.credit_sales, r.not_due, r.overdue_1_30, r.overdue_31_60, r.overdue_61_90, r.overdue_over_90,
       r.due_recent, r.days_late_recent, r.due_earlier, r.days_late_earlier, r.typical_invoice, r.large_invoice, r.invoices_issued, r.negative_invoices,
       o.open_orders, o.largest_recent_order
FROM scoped sc
LEFT JOIN sales_figures sf ON sf.customer_id = sc.id
LEFT JOIN sales_spread sp ON sp.customer_id = sc.id
LEFT JOIN receivables r ON r.customer_id = sc.id
LEFT JOIN orders o ON o.customer_id = sc.id
ORDER BY sc.id
