-- Process KPIs, sales: per segment and region, the last complete month (for the attainment), the last three complete
-- months and the same three months a year before (for the drop). Months are their first days.
SELECT c.segment, c.region,
       COALESCE(SUM(CASE WHEN s.sales_month = :lastMonth THEN s.amount ELSE 0 END), 0) AS last_month,
       COALESCE(SUM(CASE WHEN s.sales_month >= :recentFrom AND s.sales_month <= :lastMonth THEN s.amount ELSE 0 END), 0) AS recent,
       COALESCE(SUM(CASE WHEN s.sales_month >= :priorFrom AND s.sales_month <= :priorTo THEN s.amount ELSE 0 END), 0) AS prior
FROM sales_history s
JOIN customers c ON c.id = s.customer_id
WHERE s.sales_month >= :priorFrom
GROUP BY c.segment, c.region
