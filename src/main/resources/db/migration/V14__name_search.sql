-- Name search for Chinese users, who often type two characters (e.g. 恒达): pg_trgm needs three characters to use
-- its index, so a file also keeps the distinct two-character pieces of its lower-cased name, indexed with GIN.
-- A search for "恒达贸易" asks for files holding 恒达, 达贸 and 贸易, then checks the whole text with ILIKE.
CREATE FUNCTION yewu_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}') FROM generate_series(1, length(t) - 1) AS i $$;

ALTER TABLE customer ADD COLUMN name_grams text[] GENERATED ALWAYS AS (yewu_bigrams(name)) STORED;
CREATE INDEX customer_name_grams_idx ON customer USING gin (name_grams);

-- As in V13: array containment reveals nothing about a row, so it may run ahead of the company wall.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION arraycontains(anyarray, anyarray) LEAKPROOF;
  END IF;
END $$;
