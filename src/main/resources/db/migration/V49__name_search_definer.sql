-- Name search on a server where the owner is not a superuser (issue 9, decision 0038). There V13/V14 cannot mark
-- arraycontains and texticlike LEAKPROOF, so behind the company wall PostgreSQL may not use the bigram index for
-- them: it filters every file of the company instead. This function finds a name piece's files with the index:
-- it runs as yewu_search, a role that cannot log in, whose only policy on customer lets it read every row, and it
-- limits itself to the transaction's company (yewu_company(), set by the application on every connection). It
-- returns ids only; the caller's query reads the files behind the wall and its data scope, so nothing it returns
-- is shown that the reader could not see anyway.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yewu_search') THEN
    CREATE ROLE yewu_search NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
GRANT yewu_search TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO yewu_search;
GRANT SELECT (id, company_id, name, name_grams) ON customer TO yewu_search;
CREATE POLICY name_search ON customer FOR SELECT TO yewu_search USING (true);

-- @param piece   the text typed (two characters or more)
-- @param pattern the same as an ILIKE pattern, %…% with its wildcards escaped
-- @param cap     at most this many ids (in no order), or all of them when null
CREATE FUNCTION customer_name_matches(piece text, pattern text, cap integer) RETURNS SETOF bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT id FROM customer WHERE company_id = yewu_company() AND name_grams @> yewu_bigrams(piece) AND name ILIKE pattern
   LIMIT cap $$;
-- a new owner needs CREATE on the schema, for this statement only
GRANT CREATE ON SCHEMA public TO yewu_search;
ALTER FUNCTION customer_name_matches(text, text, integer) OWNER TO yewu_search;
REVOKE CREATE ON SCHEMA public FROM yewu_search;
REVOKE ALL ON FUNCTION customer_name_matches(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION customer_name_matches(text, text, integer) TO yewu_app;
