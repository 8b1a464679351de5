-- Customers, invoices, sales history, orders and the decisions taken on them.
-- Portable SQL for PostgreSQL (production, tests) and H2 (embedded default); ${json} is json on PostgreSQL (cheaper to write than jsonb;
-- decisions are written far more often than searched) and JSON on H2.

CREATE TABLE customers (
    id                  VARCHAR(64)    PRIMARY KEY,
    name                VARCHAR(200)   NOT NULL,
    segment             VARCHAR(40)    NOT NULL,
    region              VARCHAR(60)    NOT NULL,
    industry            VARCHAR(80)    NOT NULL,
    years_in_business   INTEGER        NOT NULL,
    external_rating     VARCHAR(8),
    risk_class          VARCHAR(1)     NOT NULL,
    credit_limit        NUMERIC(19, 2) NOT NULL,
    payment_terms_days  INTEGER        NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customers_segment ON customers (segment);

CREATE TABLE invoices (
    id           VARCHAR(64)    PRIMARY KEY,
    customer_id  VARCHAR(64)    NOT NULL REFERENCES customers (id),
    order_id     VARCHAR(64),
    issue_date   DATE           NOT NULL,
    due_date     DATE           NOT NULL,
    amount       NUMERIC(19, 2) NOT NULL,
    paid_amount  NUMERIC(19, 2) NOT NULL,
    paid_date    DATE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX invoices_customer_due ON invoices (customer_id, due_date);
CREATE INDEX invoices_order ON invoices (order_id);

CREATE TABLE sales_history (
    customer_id  VARCHAR(64)    NOT NULL REFERENCES customers (id),
    sales_month  DATE           NOT NULL,
    amount       NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (customer_id, sales_month)
);

CREATE TABLE sales_orders (
    id                       VARCHAR(64)    PRIMARY KEY,
    customer_id              VARCHAR(64)    NOT NULL REFERENCES customers (id),
    amount                   NUMERIC(19, 2) NOT NULL,
    currency                 VARCHAR(3)     NOT NULL,
    original_amount          NUMERIC(19, 2) NOT NULL,
    order_date               DATE           NOT NULL,
    payment_terms_days       INTEGER        NOT NULL,
    discount_percent         NUMERIC(7, 3)  NOT NULL,
    contract_signed          BOOLEAN        NOT NULL,
    sales_rep                VARCHAR(100),
    requested_delivery_date  DATE,
    status                   VARCHAR(20)    NOT NULL,
    last_decision_id         UUID,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sales_orders_customer_status ON sales_orders (customer_id, status);

CREATE TABLE decisions (
    id               UUID           PRIMARY KEY,
    order_id         VARCHAR(64)    NOT NULL REFERENCES sales_orders (id),
    customer_id      VARCHAR(64)    NOT NULL,
    outcome          VARCHAR(10)    NOT NULL,
    conditions       ${json}        NOT NULL,
    reasons          ${json}        NOT NULL,
    facts            ${json}        NOT NULL,
    fired_rules      ${json}        NOT NULL,
    ruleset_version  VARCHAR(64)    NOT NULL,
    evaluated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    evaluated_by     VARCHAR(100)   NOT NULL,
    engine_micros    BIGINT         NOT NULL
);
CREATE INDEX decisions_order ON decisions (order_id, evaluated_at);
CREATE INDEX decisions_evaluated_at ON decisions (evaluated_at);
