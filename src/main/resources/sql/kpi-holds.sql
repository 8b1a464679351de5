-- Process KPIs, order handling: hold counts per segment and region. :from/:to the window (timestamps),
-- :waitingSince holds opened before it and still open wait too long.
SELECT h.segment, h.region,
       COALESCE(SUM(CASE WHEN h.is_open = TRUE AND h.opened_at < :waitingSince THEN 1 ELSE 0 END), 0) AS waiting_long,
       COALESCE(SUM(CASE WHEN h.status = 'RELEASED' AND COALESCE(h.resolution_code, '') <> 'AUTO_RELEASED'
                          AND h.closed_at >= :from AND h.closed_at < :to THEN 1 ELSE 0 END), 0) AS released,
       COALESCE(SUM(CASE WHEN h.status = 'REJECTED' AND h.closed_at >= :from AND h.closed_at < :to THEN 1 ELSE 0 END), 0) AS rejected,
       COALESCE(SUM(CASE WHEN h.rehold = TRUE AND h.opened_at >= :from AND h.opened_at < :to THEN 1 ELSE 0 END), 0) AS reholds,
       COALESCE(SUM(CASE WHEN h.status = 'RELEASED' AND COALESCE(h.resolution_code, '') <> 'AUTO_RELEASED'
                          AND h.closed_at >= :from AND h.closed_at < :to
                          AND h.holding_rules LIKE '%|DiscountAboveCeiling%' THEN 1 ELSE 0 END), 0) AS discount_overrides
FROM holds h
WHERE h.is_open = TRUE OR h.opened_at >= :from OR h.closed_at >= :from
GROUP BY h.segment, h.region
