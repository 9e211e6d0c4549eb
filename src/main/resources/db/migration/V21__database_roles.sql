-- The application logs in as its own role (yewu_app, made a LOGIN role with a password by the application after
-- migrating: io.yewu.platform.internal.db.AppLogin); the owner only migrates. See docs/operations.md.

-- PLT-6: the audit trail is append-only for the application: it adds and reads entries, never changes or removes one.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM yewu_app;

-- Nobody but the owner creates objects in the schema (PostgreSQL 15+ already has it so; older servers did not).
-- A table the application's login created would be its own, outside the company wall.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
