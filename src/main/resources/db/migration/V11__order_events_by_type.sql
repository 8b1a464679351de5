-- The shipping KPIs count SHIPPED events of a period (sql/kpi-orders.sql): read them by type and time instead of
-- scanning every order's events. order_id is carried so the join to the order needs no visit to the table.
CREATE INDEX order_events_type_at ON order_events (event_type, occurred_at, order_id);
