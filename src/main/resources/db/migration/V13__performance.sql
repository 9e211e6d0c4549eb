-- Let name searches use the trigram index behind the company wall. PostgreSQL evaluates a query's own conditions
-- ahead of a row-level-security policy (and so as index conditions) only when their functions are LEAKPROOF.
-- ILIKE and the trigram similarity operator can raise errors only about the search pattern, never about a row's
-- contents, so marking them is safe. Doing so needs a superuser (the embedded database's migrations run as one);
-- on an external server without one, searches stay correct and fall back to a scan (docs/operations.md).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION texticlike(text, text) LEAKPROOF;
    ALTER FUNCTION similarity_op(text, text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: name searches will not use the trigram index under row-level security';
  END IF;
END $$;

-- A salesperson's filtered page walks their own customers in id order instead of filtering the stage index.
CREATE INDEX customer_owner_stage_idx ON customer (company_id, owner_id, stage, id DESC);

-- Sessions are recreated by logging in again; they need no WAL, which spares every request a durable commit.
-- (Unlogged tables are emptied after a crash and are not replicated to standbys: users log in again.)
ALTER TABLE spring_session_attributes SET UNLOGGED;
ALTER TABLE spring_session SET UNLOGGED;
