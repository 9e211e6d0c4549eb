-- Service quality (spec 04, KB-1 … KB-2, QC-1 … QC-3, SVC-5/9/10 reports) on the tickets of V34.
-- Decisions 0021 say what each column means.

-- KB-1: the catalogue of the knowledge base.
CREATE TABLE kb_category (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  name        text NOT NULL,
  sort_order  int NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  UNIQUE (company_id, name)
);

-- KB-1 / KB-2: one article from the notice received to its publication and withdrawal.
CREATE TABLE kb_article (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id             bigint NOT NULL REFERENCES company (id),
  category_id            bigint NOT NULL,
  kind                   text NOT NULL CHECK (kind IN ('BUSINESS_RULE', 'PRICE_POLICY', 'GENERAL', 'SCRIPT')),
  title                  text NOT NULL,
  body                   text NOT NULL DEFAULT '',          -- the unified wording (统一宣传口径), plain language
  state                  text NOT NULL CHECK (state IN ('RECEIVED', 'READ', 'DRAFTED', 'PUBLISHED', 'WITHDRAWN')),
  -- the original notice (业务通知单), kept with the article: its text and/or its file
  notice_text            text NOT NULL DEFAULT '',
  notice_file_name       text,
  notice_file            bytea,
  issuing_department_id  bigint NOT NULL,                   -- confirms the wording (KB-2)
  effective_from         date NOT NULL,
  effective_until        date,                              -- null: open-ended
  revision               int NOT NULL DEFAULT 0,            -- the current draft's number in kb_article_version
  received_by            bigint NOT NULL,
  received_at            timestamptz NOT NULL,
  read_by                bigint,
  read_at                timestamptz,
  drafted_by             bigint,
  drafted_at             timestamptz,
  confirmed_by           bigint,
  published_at           timestamptz,
  withdrawn_at           timestamptz,
  search_grams           text[] GENERATED ALWAYS AS (yewu_bigrams(title || ' ' || body)) STORED,
  version                bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, category_id) REFERENCES kb_category (company_id, id),
  FOREIGN KEY (company_id, issuing_department_id) REFERENCES department (company_id, id),
  FOREIGN KEY (company_id, received_by) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, read_by) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, drafted_by) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, confirmed_by) REFERENCES app_user (company_id, id),
  CHECK (effective_until IS NULL OR effective_until >= effective_from),
  CHECK (state <> 'PUBLISHED' OR published_at IS NOT NULL)
);
CREATE INDEX kb_article_grams_idx ON kb_article USING gin (search_grams);
CREATE INDEX kb_article_state_idx ON kb_article (company_id, state, effective_from DESC, id DESC);
-- KB-1: a common word walks the newest publications and stops at the page; a rare one comes from the GIN index
CREATE INDEX kb_article_published_idx ON kb_article (company_id, published_at DESC, id DESC) WHERE state = 'PUBLISHED';

-- KB-2: every drafted wording is kept (history of versions).
CREATE TABLE kb_article_version (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  article_id  bigint NOT NULL,
  revision    int NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  drafted_by  bigint NOT NULL,
  drafted_at  timestamptz NOT NULL,
  UNIQUE (company_id, id),
  UNIQUE (company_id, article_id, revision),
  FOREIGN KEY (company_id, article_id) REFERENCES kb_article (company_id, id),
  FOREIGN KEY (company_id, drafted_by) REFERENCES app_user (company_id, id)
);

-- KB-2: each step, publication and withdrawal with its time (append-only for the application).
CREATE TABLE kb_article_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  article_id  bigint NOT NULL,
  action      text NOT NULL CHECK (action IN ('RECEIVED', 'READ', 'DRAFTED', 'PUBLISHED', 'WITHDRAWN')),
  revision    int NOT NULL,
  at          timestamptz NOT NULL,
  actor_id    bigint NOT NULL,
  note        text NOT NULL DEFAULT '',
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, article_id) REFERENCES kb_article (company_id, id),
  FOREIGN KEY (company_id, actor_id) REFERENCES app_user (company_id, id)
);
CREATE INDEX kb_article_log_idx ON kb_article_log (company_id, article_id, at, id);

-- KB-1: the articles an agent used on a ticket (ticket.kb_article_id keeps the latest one).
CREATE TABLE ticket_article (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  ticket_id   bigint NOT NULL,
  article_id  bigint NOT NULL,
  linked_by   bigint NOT NULL,
  linked_at   timestamptz NOT NULL,
  UNIQUE (company_id, id),
  UNIQUE (company_id, ticket_id, article_id),
  FOREIGN KEY (company_id, ticket_id) REFERENCES ticket (company_id, id),
  FOREIGN KEY (company_id, article_id) REFERENCES kb_article (company_id, id),
  FOREIGN KEY (company_id, linked_by) REFERENCES app_user (company_id, id)
);
ALTER TABLE ticket ADD FOREIGN KEY (company_id, kb_article_id) REFERENCES kb_article (company_id, id);

-- KB-2: knowledge test scores, one record per agent and test (optionally about one article).
CREATE TABLE kb_test_score (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  agent_id    bigint NOT NULL,
  article_id  bigint,
  test_name   text NOT NULL,
  score       numeric(6, 2) NOT NULL CHECK (score >= 0),
  max_score   numeric(6, 2) NOT NULL CHECK (max_score > 0),
  taken_on    date NOT NULL,
  recorded_by bigint NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, agent_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, article_id) REFERENCES kb_article (company_id, id),
  FOREIGN KEY (company_id, recorded_by) REFERENCES app_user (company_id, id),
  CHECK (score <= max_score)
);
CREATE INDEX kb_test_score_agent_idx ON kb_test_score (company_id, agent_id, taken_on DESC);

-- QC-1: the proposed monthly sample, one row per agent, month and ticket; QC-2: its inspection.
CREATE TABLE qc_sample (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL REFERENCES company (id),
  month         date NOT NULL CHECK (extract(day FROM month) = 1),
  agent_id      bigint NOT NULL,
  ticket_id     bigint NOT NULL,
  seed          bigint NOT NULL,
  decision_id   bigint REFERENCES decision_record (id),
  proposed_at   timestamptz NOT NULL,
  -- QC-2: the inspection (null until scored)
  inspector_id  bigint,
  scored_at     timestamptz,
  scores        jsonb,                                     -- {"LANGUAGE": 18, "GREETING": 5, …}
  total         numeric(6, 2),
  max_total     numeric(6, 2),
  comments      text NOT NULL DEFAULT '',
  settings_version bigint NOT NULL DEFAULT 0,
  version       bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  UNIQUE (company_id, month, agent_id, ticket_id),
  FOREIGN KEY (company_id, agent_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, ticket_id) REFERENCES ticket (company_id, id),
  FOREIGN KEY (company_id, inspector_id) REFERENCES app_user (company_id, id),
  CHECK ((scored_at IS NULL) = (scores IS NULL))
);
CREATE INDEX qc_sample_agent_idx ON qc_sample (company_id, agent_id, month);
CREATE INDEX qc_sample_scored_idx ON qc_sample (company_id, scored_at) WHERE scored_at IS NOT NULL;

-- QC-2: a complaint caused by an agent's service, linked to that agent's QC record.
CREATE TABLE qc_complaint (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL REFERENCES company (id),
  agent_id      bigint NOT NULL,
  ticket_id     bigint NOT NULL,
  note          text NOT NULL DEFAULT '',
  linked_by     bigint NOT NULL,
  linked_at     timestamptz NOT NULL,
  UNIQUE (company_id, id),
  UNIQUE (company_id, ticket_id, agent_id),
  FOREIGN KEY (company_id, agent_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, ticket_id) REFERENCES ticket (company_id, id),
  FOREIGN KEY (company_id, linked_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX qc_complaint_agent_idx ON qc_complaint (company_id, agent_id, linked_at);

-- SVC-9: visits due in a week (the V34 queue index covers only open visits).
CREATE INDEX return_visit_due_idx ON return_visit (company_id, due_at);

-- SVC-9 and QC-3: stored reports one can reopen and export.
CREATE TABLE service_report (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL REFERENCES company (id),
  kind          text NOT NULL CHECK (kind IN ('WEEKLY_SATISFACTION', 'WEEKLY_QC')),
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  content       jsonb NOT NULL,
  produced_at   timestamptz NOT NULL,
  UNIQUE (company_id, id),
  UNIQUE (company_id, kind, period_start)
);

SELECT yewu_wall(t) FROM unnest(ARRAY['kb_category', 'kb_article', 'kb_article_version', 'kb_article_log',
  'ticket_article', 'kb_test_score', 'qc_sample', 'qc_complaint', 'service_report']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE, DELETE ON kb_category, kb_article, kb_test_score, qc_sample, qc_complaint,
  service_report TO yewu_app;
-- history only grows
REVOKE UPDATE, DELETE, TRUNCATE ON kb_article_version, kb_article_log, ticket_article FROM yewu_app;
GRANT SELECT, INSERT ON kb_article_version, kb_article_log, ticket_article TO yewu_app;
