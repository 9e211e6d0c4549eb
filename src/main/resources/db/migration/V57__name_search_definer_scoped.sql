-- Name search without a superuser (issue 9, decision 0038 as amended): customer_name_matches also takes the owners
-- whose files the reader may see, so that the function stops at its cap among the reader's candidates (its own
-- files and the pool) instead of among the whole company's. The caller's query still applies the wall and the exact
-- data scope; the owners only narrow the candidates (never widen them). The query inside is planned for each call's
-- values (EXECUTE … USING): a piece's bigram and a salesperson's one owner each find their own index, where the plan
-- of a SQL function, made without the values, read every file of the company that shares a common piece.
GRANT SELECT (owner_id) ON customer TO yewu_search;
DROP FUNCTION customer_name_matches(text, text, integer);

-- @param piece   the text typed (two characters or more)
-- @param pattern the same as an ILIKE pattern, %…% with its wildcards escaped
-- @param cap     at most this many ids (in no order), or all of them when null
-- @param owners  the owners whose files the reader may see, the pool's unowned files always included; null: every file
CREATE FUNCTION customer_name_matches(piece text, pattern text, cap integer, owners bigint[]) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT id FROM customer WHERE company_id = $1 AND name_grams @> yewu_bigrams($2) AND name ILIKE $3'
    || CASE WHEN owners IS NULL THEN '' ELSE ' AND (owner_id IS NULL OR owner_id = ANY ($4))' END
    || ' LIMIT $5'
    USING yewu_company(), piece, pattern, owners, cap;
END
$$;
-- a new owner needs CREATE on the schema, for this statement only
GRANT CREATE ON SCHEMA public TO yewu_search;
ALTER FUNCTION customer_name_matches(text, text, integer, bigint[]) OWNER TO yewu_search;
REVOKE CREATE ON SCHEMA public FROM yewu_search;
REVOKE ALL ON FUNCTION customer_name_matches(text, text, integer, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION customer_name_matches(text, text, integer, bigint[]) TO yewu_app;
