-- Platform schema (spec 00, PLT-1 … PLT-11).
-- Every business table carries company_id, every unique key includes it, and a row-level-security
-- policy (the company wall, PLT-11) stands behind the application's own query filter.

-- The application connects through this role (SET ROLE on each pooled connection), so the policies
-- apply even when the configured database user owns the tables or is a superuser.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yewu_app') THEN
    CREATE ROLE yewu_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
GRANT yewu_app TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO yewu_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO yewu_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO yewu_app;

-- The company of the current transaction, set by the application on every connection it hands out.
CREATE FUNCTION yewu_company() RETURNS bigint LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('yewu.company_id', true), '')::bigint $$;
-- System work (login lookup, scheduler, group administration) crosses companies explicitly.
CREATE FUNCTION yewu_all_companies() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('yewu.all_companies', true), '') = 'on' $$;

-- Puts a table behind the company wall; every capability's migration calls it for its tables.
CREATE FUNCTION yewu_wall(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY company_wall ON %s USING (yewu_all_companies() OR company_id = yewu_company())'
                 ' WITH CHECK (yewu_all_companies() OR company_id = yewu_company())', tbl);
END $$;

CREATE TABLE company (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  parent_id   bigint REFERENCES company (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE department (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  parent_id   bigint REFERENCES department (id),
  name        text NOT NULL,
  -- materialised path '/1/4/9/' so "department and sub-departments" is one indexed prefix match
  path        text NOT NULL DEFAULT '',
  manager_id  bigint,
  sort_order  int NOT NULL DEFAULT 0,
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id)
);
CREATE UNIQUE INDEX department_name_uk ON department (company_id, coalesce(parent_id, 0), name);
CREATE INDEX department_path_idx ON department (company_id, path text_pattern_ops);

CREATE TABLE app_user (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL REFERENCES company (id),
  -- login names are installation-wide identities (a person with accounts in two companies has two names)
  username      text NOT NULL,
  password_hash text NOT NULL,
  display_name  text NOT NULL,
  department_id bigint NOT NULL,
  phone         text,
  email         text,
  active        boolean NOT NULL DEFAULT true,
  locale        text NOT NULL DEFAULT 'zh-CN',
  version       bigint NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, department_id) REFERENCES department (company_id, id)
);
CREATE UNIQUE INDEX app_user_username_uk ON app_user (lower(username));
CREATE INDEX app_user_department_idx ON app_user (company_id, department_id);
CREATE INDEX app_user_name_idx ON app_user (company_id, display_name);
ALTER TABLE department ADD FOREIGN KEY (company_id, manager_id) REFERENCES app_user (company_id, id);

CREATE TABLE role (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  code        text NOT NULL,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  data_scope  text NOT NULL CHECK (data_scope IN ('OWN', 'DEPARTMENT', 'ALL')),
  version     bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, code),
  UNIQUE (company_id, id)
);

CREATE TABLE user_role (
  company_id  bigint NOT NULL,
  user_id     bigint NOT NULL,
  role_id     bigint NOT NULL,
  PRIMARY KEY (company_id, user_id, role_id),
  FOREIGN KEY (company_id, user_id) REFERENCES app_user (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, role_id) REFERENCES role (company_id, id)
);

-- PLT-2: one row per value and effective date; the id doubles as the settings version.
CREATE TABLE setting_value (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id      bigint NOT NULL REFERENCES company (id),
  key             text NOT NULL,
  value           text NOT NULL,
  effective_from  timestamptz NOT NULL,
  changed_by      bigint,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, key, effective_from)
);

-- PLT-4: exceptions to Monday–Friday; a year is "published" once its official schedule is entered.
CREATE TABLE calendar_day (
  company_id  bigint NOT NULL REFERENCES company (id),
  day         date NOT NULL,
  off         boolean NOT NULL,
  name        text NOT NULL DEFAULT '',
  PRIMARY KEY (company_id, day)
);
CREATE TABLE calendar_year (
  company_id  bigint NOT NULL REFERENCES company (id),
  year        int NOT NULL,
  published   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (company_id, year)
);

-- PLT-6
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL REFERENCES company (id),
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     bigint,
  actor_name   text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  action       text NOT NULL,
  changes      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (company_id, at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (company_id, entity_type, entity_id, at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (company_id, actor_id, at DESC);

-- PLT-1: every automated decision, with the rules that fired and the settings version it read.
CREATE TABLE decision_record (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id        bigint NOT NULL REFERENCES company (id),
  subject_type      text NOT NULL,
  subject_id        text NOT NULL,
  kind              text NOT NULL,
  outcome           text NOT NULL,
  hits              jsonb NOT NULL,
  settings_version  bigint NOT NULL,
  decided_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decision_record_subject_idx ON decision_record (company_id, subject_type, subject_id, decided_at DESC);

-- PLT-7
CREATE TABLE notification (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  user_id     bigint NOT NULL,
  kind        text NOT NULL,
  title_zh    text NOT NULL,
  title_en    text NOT NULL,
  body_zh     text NOT NULL DEFAULT '',
  body_en     text NOT NULL DEFAULT '',
  link        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
CREATE INDEX notification_inbox_idx ON notification (company_id, user_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (company_id, user_id) WHERE read_at IS NULL;

-- PLT-3
CREATE TABLE approval_request (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id       bigint NOT NULL REFERENCES company (id),
  subject_type     text NOT NULL,
  subject_id       text NOT NULL,
  subject_version  bigint NOT NULL,
  title            text NOT NULL,
  applicant_id     bigint NOT NULL,
  status           text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'VOID')),
  decision         jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  completed_at     timestamptz,
  version          bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id)
);
-- at most one live chain per record
CREATE UNIQUE INDEX approval_request_live_uk ON approval_request (company_id, subject_type, subject_id) WHERE status = 'PENDING';
CREATE INDEX approval_request_applicant_idx ON approval_request (company_id, applicant_id, created_at DESC);

CREATE TABLE approval_step (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL,
  request_id    bigint NOT NULL,
  seq           int NOT NULL,
  role_code     text,
  assignee_id   bigint NOT NULL,
  status        text NOT NULL CHECK (status IN ('WAITING', 'PENDING', 'APPROVED', 'REJECTED', 'VOID')),
  decided_by    bigint,
  decided_at    timestamptz,
  comment       text,
  activated_at  timestamptz,
  due_at        timestamptz,
  UNIQUE (company_id, request_id, seq),
  FOREIGN KEY (company_id, request_id) REFERENCES approval_request (company_id, id) ON DELETE CASCADE
);
CREATE INDEX approval_step_assignee_idx ON approval_step (company_id, assignee_id, status);

CREATE TABLE delegation (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL REFERENCES company (id),
  user_id      bigint NOT NULL,
  delegate_id  bigint NOT NULL,
  starts_on    date NOT NULL,
  ends_on      date NOT NULL,
  CHECK (ends_on >= starts_on),
  CHECK (user_id <> delegate_id)
);
CREATE INDEX delegation_user_idx ON delegation (company_id, user_id, starts_on);

-- Timed work: one-off due tasks, claimed with FOR UPDATE SKIP LOCKED inside the transaction that runs them,
-- so each fires once however many nodes poll, and a crash rolls the claim back for another node.
CREATE TABLE due_task (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  kind        text NOT NULL,
  task_key    text NOT NULL,
  due_at      timestamptz NOT NULL,
  payload     jsonb NOT NULL DEFAULT '{}',
  status      text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'CANCELLED')),
  attempts    int NOT NULL DEFAULT 0,
  last_error  text,
  done_at     timestamptz,
  done_by     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX due_task_pending_uk ON due_task (company_id, kind, task_key) WHERE status = 'PENDING';
CREATE INDEX due_task_due_idx ON due_task (due_at) WHERE status = 'PENDING';

CREATE TABLE recurring_job (
  name         text PRIMARY KEY,
  next_run_at  timestamptz NOT NULL,
  last_run_at  timestamptz,
  last_node    text
);

CREATE TABLE idempotency_record (
  company_id    bigint NOT NULL,
  user_id       bigint NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  http_status   int,
  content_type  text,
  body          bytea,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, user_id, key)
);

CREATE TABLE api_token (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL REFERENCES company (id),
  user_id       bigint NOT NULL,
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_on    date,
  last_used_at  timestamptz,
  FOREIGN KEY (company_id, user_id) REFERENCES app_user (company_id, id) ON DELETE CASCADE
);

-- login throttling is per login name before any company is known: installation-wide, no wall
CREATE TABLE login_attempt (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username  text NOT NULL,
  ip        text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  success   boolean NOT NULL
);
CREATE INDEX login_attempt_idx ON login_attempt (lower(username), at DESC);

SELECT yewu_wall(t) FROM unnest(ARRAY[
  'department', 'app_user', 'role', 'user_role', 'setting_value', 'calendar_day', 'calendar_year', 'audit_log',
  'decision_record', 'notification', 'approval_request', 'approval_step', 'delegation', 'due_task',
  'idempotency_record', 'api_token']::regclass[]) AS t;

-- Spring Session (sessions shared by all nodes) and Spring Modulith's event publication registry (outbox).
CREATE TABLE spring_session (
  primary_id             char(36) NOT NULL PRIMARY KEY,
  session_id             char(36) NOT NULL,
  creation_time          bigint NOT NULL,
  last_access_time       bigint NOT NULL,
  max_inactive_interval  int NOT NULL,
  expiry_time            bigint NOT NULL,
  principal_name         varchar(100)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
CREATE TABLE spring_session_attributes (
  session_primary_id  char(36) NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
  attribute_name      varchar(200) NOT NULL,
  attribute_bytes     bytea NOT NULL,
  PRIMARY KEY (session_primary_id, attribute_name)
);

CREATE TABLE event_publication (
  id                      uuid PRIMARY KEY,
  listener_id             text NOT NULL,
  event_type              text NOT NULL,
  serialized_event        text NOT NULL,
  publication_date        timestamptz NOT NULL,
  completion_date         timestamptz,
  status                  text,
  completion_attempts     int,
  last_resubmission_date  timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
CREATE TABLE event_publication_archive (LIKE event_publication INCLUDING ALL);

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO yewu_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO yewu_app;
