-- One cart per user. The carts row is what concurrent changes to one cart lock, so the line bound holds.
CREATE TABLE carts (
    user_id uuid PRIMARY KEY,
    updated_at timestamptz NOT NULL
);

CREATE TABLE cart_items (
    user_id uuid NOT NULL REFERENCES carts (user_id) ON DELETE CASCADE,
    product_id uuid NOT NULL,
    quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    added_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, product_id)
);

CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    -- The customer's address at order time: the order's events carry it to notifications.
    email text NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected', 'cancelled', 'shipped', 'delivered')),
    total numeric(16, 2) NOT NULL,
    reason text NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX orders_by_user ON orders (user_id, created_at DESC, id DESC);
CREATE INDEX orders_by_status ON orders (status);

-- Name and price copied at order time: later catalogue changes never alter a placed order.
CREATE TABLE order_items (
    order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line integer NOT NULL,
    product_id uuid NOT NULL,
    name text NOT NULL,
    unit_price numeric(10, 2) NOT NULL,
    quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    line_total numeric(14, 2) NOT NULL,
    PRIMARY KEY (order_id, line)
);

-- Idempotency-Key of POST /order, per user. The row is claimed first in the placing transaction (a concurrent
-- retry waits on it), then given its order and the exact 201 body that a retry replays.
CREATE TABLE idempotency_keys (
    user_id uuid NOT NULL,
    key text NOT NULL,
    request_hash bytea NOT NULL,
    order_id uuid NULL REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    response text NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
