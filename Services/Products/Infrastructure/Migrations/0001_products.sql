-- Substring search (`q`) over name and description, case-insensitive, served by a trigram index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE products (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    description text NOT NULL,
    price numeric(10, 2) NOT NULL CHECK (price >= 0),
    stock integer NOT NULL CHECK (stock >= 0),
    -- Bumped by every change, stock included: the ETag.
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    -- Lower-cased once on write: LIKE on it costs a fraction of ILIKE on both columns, and one index serves it.
    -- The newline cannot occur in a query, so no match spans the two fields.
    search_text text GENERATED ALWAYS AS (lower(name) || E'\n' || lower(description)) STORED
);

CREATE INDEX products_search_trgm ON products USING gin (search_text gin_trgm_ops);

-- One per sort key, with the id as tie-breaker so pages never overlap.
CREATE INDEX products_by_name ON products (name, id);
CREATE INDEX products_by_price ON products (price, id);
CREATE INDEX products_by_created ON products (created_at, id);

-- The unfiltered total, kept by statement triggers (so bulk COPY loads count too): count(*) over 100k rows
-- would cost every catalogue page tens of milliseconds.
CREATE TABLE product_count (
    single boolean PRIMARY KEY DEFAULT true CHECK (single),
    total bigint NOT NULL
);
INSERT INTO product_count (total) VALUES (0);

CREATE FUNCTION product_count_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE product_count SET total = total + (SELECT count(*) FROM changed_rows);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE product_count SET total = total - (SELECT count(*) FROM changed_rows);
    ELSE
        UPDATE product_count SET total = 0;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_count_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION product_count_follow();
CREATE TRIGGER product_count_delete AFTER DELETE ON products
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION product_count_follow();
CREATE TRIGGER product_count_truncate AFTER TRUNCATE ON products
    FOR EACH STATEMENT EXECUTE FUNCTION product_count_follow();

-- What the stock handler did for each order, so a redelivered or reordered event has no second effect:
-- reserved -> released happens once; a cancel seen before its order leaves a `cancelled` mark that stops
-- the later order_placed from reserving.
CREATE TABLE stock_reservations (
    order_id uuid PRIMARY KEY,
    status text NOT NULL CHECK (status IN ('reserved', 'rejected', 'released', 'cancelled')),
    product_ids uuid[] NOT NULL,
    quantities integer[] NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
