-- Process KPIs, credit and collection: receivable sums per segment and region (all additive, so the service adds
-- them up to region, segment and portfolio). ${open} and ${overdue} are the one definition in invoice.ReceivableSql.
-- :asOf the as-of day, :periodStart the day before the window's first day, :over90 the due day 90 days before asOf.
SELECT c.segment, c.region,
       COALESCE(SUM(CASE WHEN i.issue_date <= :asOf THEN ${open} ELSE 0 END), 0) AS closing_ar,
       COALESCE(SUM(CASE WHEN i.issue_date <= :asOf AND i.due_date >= :asOf THEN ${open} ELSE 0 END), 0) AS current_ar,
       COALESCE(SUM(CASE WHEN ${overdue} THEN i.amount - i.paid_amount ELSE 0 END), 0) AS overdue_ar,
       COALESCE(SUM(CASE WHEN ${overdue} AND i.due_date < :over90 THEN i.amount - i.paid_amount ELSE 0 END), 0) AS over90_ar,
       COALESCE(SUM(CASE WHEN i.issue_date > :periodStart AND i.issue_date <= :asOf THEN i.amount ELSE 0 END), 0) AS credit_sales,
       -- open on the window's first day: paid after it counts whole, otherwise what is unpaid now
       COALESCE(SUM(CASE WHEN i.issue_date <= :periodStart THEN
                CASE WHEN i.paid_date IS NOT NULL AND i.paid_date > :periodStart THEN i.amount ELSE ${open} END
           ELSE 0 END), 0) AS opening_ar
FROM invoices i
JOIN customers c ON c.id = i.customer_id
GROUP BY c.segment, c.region
