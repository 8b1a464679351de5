-- Process KPIs, orders: decisions and blocks, shipments and late ones, large orders without a signed contract, per
-- segment and region. :from/:to the window (timestamps), :periodStart/:asOf the same window as days,
-- :contractAbove the amount above which a signed contract is required.
SELECT c.segment, c.region,
       (SELECT COUNT(*) FROM decisions d JOIN customers dc ON dc.id = d.customer_id
         WHERE dc.segment = c.segment AND dc.region = c.region AND d.evaluated_at >= :from AND d.evaluated_at < :to) AS decisions,
       (SELECT COUNT(*) FROM decisions d JOIN customers dc ON dc.id = d.customer_id
         WHERE dc.segment = c.segment AND dc.region = c.region AND d.evaluated_at >= :from AND d.evaluated_at < :to
           AND d.outcome = 'BLOCK') AS blocked,
       (SELECT COUNT(*) FROM order_events e JOIN sales_orders o ON o.id = e.order_id JOIN customers oc ON oc.id = o.customer_id
         WHERE oc.segment = c.segment AND oc.region = c.region AND e.event_type = 'SHIPPED'
           AND e.occurred_at >= :from AND e.occurred_at < :to) AS shipped,
       (SELECT COUNT(*) FROM order_events e JOIN sales_orders o ON o.id = e.order_id JOIN customers oc ON oc.id = o.customer_id
         WHERE oc.segment = c.segment AND oc.region = c.region AND e.event_type = 'SHIPPED'
           AND e.occurred_at >= :from AND e.occurred_at < :to
           AND o.requested_delivery_date IS NOT NULL AND CAST(e.occurred_at AS DATE) > o.requested_delivery_date) AS shipped_late,
       (SELECT COUNT(*) FROM sales_orders o JOIN customers oc ON oc.id = o.customer_id
         WHERE oc.segment = c.segment AND oc.region = c.region AND o.order_date > :periodStart AND o.order_date <= :asOf
           AND o.amount > :contractAbove AND o.contract_signed = FALSE AND o.status <> 'CANCELLED') AS unsigned_contracts
FROM (SELECT DISTINCT segment, region FROM customers) c
