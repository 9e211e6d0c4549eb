-- Service desk (spec 04, SVC-1 … SVC-10): tickets with first-ask ownership, promised reply times and their timers,
-- complaints, return visits with their attempts, the shift log and the public form's per-address limit.
-- Later capabilities (QC-1..3, KB-1..2, SVC-5 monthly analysis, SVC-9, SVC-10 statistics) read these tables;
-- decisions 0020 describe the columns they can rely on.

-- SVC-1: one ticket per question, whatever the channel.
CREATE TABLE ticket (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id          bigint NOT NULL REFERENCES company (id),
  number              text NOT NULL,                     -- GD + yyyyMMdd + sequence of the day, per company
  channel             text NOT NULL CHECK (channel IN ('PHONE', 'ONLINE_FORM', 'ONLINE_CHAT', 'IN_PERSON', 'VISIT',
                                                       'ACCOUNT_MANAGER')),
  type                text NOT NULL CHECK (type IN ('INQUIRY', 'COMPLAINT', 'SPECIAL_REQUEST', 'INFO_CHANGE',
                                                    'ORDER_SETTLEMENT', 'ORDERING_FAULT', 'SUGGESTION')),
  requester_kind      text NOT NULL CHECK (requester_kind IN ('CUSTOMER', 'PROSPECT', 'CONSUMER', 'EMPLOYEE')),
  customer_id         bigint,                            -- CUSTOMER: the customer's file
  requester_user_id   bigint,                            -- EMPLOYEE: who asked (e.g. an account manager)
  caller_name         text NOT NULL DEFAULT '',
  caller_phone        text NOT NULL DEFAULT '',          -- the number the status look-up (public) checks
  caller_origin       text NOT NULL DEFAULT '',          -- PROSPECT: where the caller came from (demand-origin report)
  order_id            bigint,                            -- optional sales_order, read-only link
  subject             text NOT NULL,
  description         text NOT NULL DEFAULT '',
  state               text NOT NULL CHECK (state IN ('OPEN', 'RESOLVED', 'CLOSED')),
  -- SVC-2: the first receiver, accountable until closed; never changes (trigger below)
  owner_id            bigint NOT NULL,
  owner_department_id bigint,
  received_at         timestamptz NOT NULL,
  -- SVC-3: answered at first contact, or a promised reply time within the type's limit
  first_contact_resolution boolean NOT NULL DEFAULT false,
  promised_at         timestamptz,
  reply_limit_hours   numeric(8, 2),                     -- the type's limit read from settings_version
  timer_basis         text NOT NULL DEFAULT 'CLOCK' CHECK (timer_basis IN ('CLOCK', 'WORKING')),
  settings_version    bigint NOT NULL DEFAULT 0,         -- settings in force at receipt: every timer reads these
  -- SVC-4: timer facts (kept on the ticket so lists sort and count without joins; the events keep the history)
  reminded_at         timestamptz,
  overdue_at          timestamptz,
  escalation_level    text NOT NULL DEFAULT 'NONE' CHECK (escalation_level IN ('NONE', 'SHIFT_LEAD', 'SERVICE_DIRECTOR',
                                                                            'MARKETING_DIRECTOR')),
  escalated_at        timestamptz,
  escalation_count    int NOT NULL DEFAULT 0,            -- weekly count of escalations (SVC-4)
  supervised          boolean NOT NULL DEFAULT false,    -- 督办
  -- SVC-5: complaints
  severity            text CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  marketing_level     boolean NOT NULL DEFAULT false,    -- pricing, supply, key account: up to the marketing director
  root_cause          text,                              -- a code of the setting list service.complaint.root-causes
  cause_analysis      text NOT NULL DEFAULT '',
  corrective_action   text NOT NULL DEFAULT '',
  -- resolution and closing
  resolution          text NOT NULL DEFAULT '',
  resolved_at         timestamptz,
  resolved_by         bigint,
  closed_at           timestamptz,
  reopen_count        int NOT NULL DEFAULT 0,
  kb_article_id       bigint,                            -- KB-1: the article used (FK added by the knowledge base)
  created_by          bigint,                            -- null: the public form
  version             bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  UNIQUE (company_id, number),
  FOREIGN KEY (company_id, owner_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, owner_department_id) REFERENCES department (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  FOREIGN KEY (company_id, requester_user_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id),
  FOREIGN KEY (company_id, resolved_by) REFERENCES app_user (company_id, id),
  CHECK (requester_kind <> 'CUSTOMER' OR customer_id IS NOT NULL),
  CHECK (requester_kind <> 'EMPLOYEE' OR requester_user_id IS NOT NULL),
  CHECK (first_contact_resolution OR promised_at IS NOT NULL),
  CHECK (promised_at IS NULL OR promised_at >= received_at),
  CHECK (state <> 'CLOSED' OR closed_at IS NOT NULL),
  CHECK (type = 'COMPLAINT' OR (severity IS NULL AND root_cause IS NULL))
);
CREATE INDEX ticket_owner_open_idx ON ticket (company_id, owner_id, promised_at) WHERE state = 'OPEN';
CREATE INDEX ticket_received_idx ON ticket (company_id, received_at DESC, id DESC);
CREATE INDEX ticket_customer_idx ON ticket (company_id, customer_id, received_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX ticket_type_idx ON ticket (company_id, type, received_at DESC);
CREATE INDEX ticket_phone_idx ON ticket (company_id, caller_phone);

-- SVC-2: no path changes or removes the owner, whatever the application does.
CREATE FUNCTION ticket_owner_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
    RAISE EXCEPTION 'SVC-2: the owner of ticket % never changes', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ticket_owner_fixed BEFORE UPDATE OF owner_id ON ticket FOR EACH ROW EXECUTE FUNCTION ticket_owner_fixed();

CREATE TABLE ticket_sequence (
  company_id  bigint NOT NULL REFERENCES company (id),
  day         date NOT NULL,
  last_value  int NOT NULL,
  PRIMARY KEY (company_id, day)
);

-- SVC-2: the people and departments the work went to; the owner's own row is role OWNER. Rows are only added
-- (a later transfer marks earlier assignees inactive, never deletes them).
CREATE TABLE ticket_assignee (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id     bigint NOT NULL REFERENCES company (id),
  ticket_id      bigint NOT NULL,
  role           text NOT NULL CHECK (role IN ('OWNER', 'ASSIGNEE')),
  user_id        bigint,
  department_id  bigint,
  active         boolean NOT NULL DEFAULT true,
  assigned_by    bigint,
  assigned_at    timestamptz NOT NULL DEFAULT now(),
  note           text NOT NULL DEFAULT '',
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, ticket_id) REFERENCES ticket (company_id, id),
  FOREIGN KEY (company_id, user_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, department_id) REFERENCES department (company_id, id),
  CHECK (user_id IS NOT NULL OR department_id IS NOT NULL),
  CHECK (role <> 'OWNER' OR (user_id IS NOT NULL AND active))
);
CREATE UNIQUE INDEX ticket_assignee_one_owner ON ticket_assignee (company_id, ticket_id) WHERE role = 'OWNER';
CREATE INDEX ticket_assignee_user_idx ON ticket_assignee (company_id, user_id, ticket_id) WHERE active;
CREATE INDEX ticket_assignee_dept_idx ON ticket_assignee (company_id, department_id, ticket_id) WHERE active;

CREATE FUNCTION ticket_owner_row_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'SVC-2: assignees of ticket % are never removed', OLD.ticket_id USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.role = 'OWNER' AND (NEW.role <> 'OWNER' OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NOT NEW.active
                              OR NEW.ticket_id <> OLD.ticket_id) THEN
    RAISE EXCEPTION 'SVC-2: the owner of ticket % is never removed', OLD.ticket_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ticket_assignee_fixed BEFORE UPDATE OR DELETE ON ticket_assignee
  FOR EACH ROW EXECUTE FUNCTION ticket_owner_row_fixed();

-- Every event of a ticket's life with its "why": append-only for the application.
CREATE TABLE ticket_event (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL REFERENCES company (id),
  ticket_id    bigint NOT NULL,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     bigint,                                 -- null: the system (a timer)
  kind         text NOT NULL CHECK (kind IN ('RECEIVED', 'ANSWERED', 'PROMISED', 'TRANSFERRED', 'NOTE', 'REMINDED',
                                             'OVERDUE', 'ESCALATED', 'SUPERVISED', 'RESOLVED', 'CLOSED', 'REOPENED',
                                             'COMPLAINT_UPDATED', 'RETURN_VISIT_DUE', 'RETURN_VISIT_CLOSED',
                                             'ORDER_LINKED', 'ARTICLE_LINKED', 'QC_LINKED')),
  note         text NOT NULL DEFAULT '',
  detail       jsonb NOT NULL DEFAULT '{}',            -- e.g. {"toUserId":…, "level":"SHIFT_LEAD", "timer":"OVERDUE"}
  decision_id  bigint REFERENCES decision_record (id), -- the stored decision behind it, with its rule hits
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, ticket_id) REFERENCES ticket (company_id, id),
  FOREIGN KEY (company_id, actor_id) REFERENCES app_user (company_id, id)
);
CREATE INDEX ticket_event_ticket_idx ON ticket_event (company_id, ticket_id, at, id);
CREATE INDEX ticket_event_kind_idx ON ticket_event (company_id, kind, at);

-- SVC-4: each timer of a ticket's promise; cycle grows when a promise is renewed or the ticket reopens.
-- fired_at is set once (the handler's UPDATE … WHERE fired_at IS NULL), so a timer fires exactly once.
CREATE TABLE ticket_timer (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id       bigint NOT NULL REFERENCES company (id),
  ticket_id        bigint NOT NULL,
  cycle            int NOT NULL DEFAULT 1,
  kind             text NOT NULL CHECK (kind IN ('REMIND', 'OVERDUE', 'DIRECTOR')),
  due_at           timestamptz NOT NULL,
  fired_at         timestamptz,
  cancelled_at     timestamptz,
  settings_version bigint NOT NULL,
  UNIQUE (company_id, id),
  UNIQUE (company_id, ticket_id, cycle, kind),
  FOREIGN KEY (company_id, ticket_id) REFERENCES ticket (company_id, id),
  CHECK (fired_at IS NULL OR cancelled_at IS NULL)
);
CREATE INDEX ticket_timer_due_idx ON ticket_timer (company_id, due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;

-- SVC-6 … SVC-8: return visits. campaign_id stays null for ticket visits (campaign visits come later).
CREATE TABLE return_visit (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id       bigint NOT NULL REFERENCES company (id),
  ticket_id        bigint,
  campaign_id      bigint,
  customer_id      bigint,
  contact_name     text NOT NULL DEFAULT '',
  contact_phone    text NOT NULL DEFAULT '',
  reason           text NOT NULL CHECK (reason IN ('COMPLAINT', 'RESOLVED_BY_OTHER', 'CAMPAIGN')),
  due_at           timestamptz NOT NULL,
  state            text NOT NULL DEFAULT 'DUE' CHECK (state IN ('DUE', 'CALLBACK', 'SOLVED', 'NOT_SOLVED',
                                                                'UNREACHABLE', 'WRONG_CONTACT')),
  callback_at      timestamptz,
  attempts         int NOT NULL DEFAULT 0,
  solved           boolean,
  satisfaction     smallint CHECK (satisfaction BETWEEN 1 AND 5),  -- 5 very satisfied … 1 very unsatisfied
  feedback         text NOT NULL DEFAULT '',
  assigned_to      bigint,
  closed_at        timestamptz,
  closed_by        bigint,
  settings_version bigint NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, ticket_id) REFERENCES ticket (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  FOREIGN KEY (company_id, assigned_to) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, closed_by) REFERENCES app_user (company_id, id),
  CHECK (ticket_id IS NOT NULL OR campaign_id IS NOT NULL),
  CHECK ((state IN ('DUE', 'CALLBACK')) = (closed_at IS NULL)),
  CHECK (state NOT IN ('SOLVED', 'NOT_SOLVED') OR satisfaction IS NOT NULL)
);
CREATE INDEX return_visit_queue_idx ON return_visit (company_id, due_at) WHERE closed_at IS NULL;
CREATE INDEX return_visit_ticket_idx ON return_visit (company_id, ticket_id);
CREATE INDEX return_visit_closed_idx ON return_visit (company_id, closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE return_visit_attempt (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL REFERENCES company (id),
  visit_id     bigint NOT NULL,
  at           timestamptz NOT NULL,
  by_user_id   bigint NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'CALLBACK')),
  channel      text NOT NULL DEFAULT 'PHONE' CHECK (channel IN ('PHONE', 'SMS')),
  callback_at  timestamptz,
  note         text NOT NULL DEFAULT '',
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, visit_id) REFERENCES return_visit (company_id, id),
  FOREIGN KEY (company_id, by_user_id) REFERENCES app_user (company_id, id)
);
CREATE INDEX return_visit_attempt_visit_idx ON return_visit_attempt (company_id, visit_id, at);

-- SVC-10: the shift log (值班日志).
CREATE TABLE shift_log (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id          bigint NOT NULL REFERENCES company (id),
  author_id           bigint NOT NULL,
  department_id       bigint,
  shift_date          date NOT NULL,
  shift               text NOT NULL CHECK (shift IN ('DAY', 'NIGHT')),
  content             text NOT NULL,
  handover_customers  text NOT NULL DEFAULT '',
  urgent_items        text NOT NULL DEFAULT '',
  prospects           text NOT NULL DEFAULT '',
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, author_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, department_id) REFERENCES department (company_id, id)
);
CREATE INDEX shift_log_date_idx ON shift_log (company_id, shift_date DESC, id DESC);

-- SVC-1 online form: submissions per client address and hour (no CAPTCHA); rows older than a day are dropped.
CREATE TABLE public_ticket_quota (
  company_id  bigint NOT NULL REFERENCES company (id),
  address     text NOT NULL,
  hour        timestamptz NOT NULL,
  used        int NOT NULL,
  PRIMARY KEY (company_id, address, hour)
);

SELECT yewu_wall(t) FROM unnest(ARRAY['ticket', 'ticket_sequence', 'ticket_assignee', 'ticket_event', 'ticket_timer',
  'return_visit', 'return_visit_attempt', 'shift_log', 'public_ticket_quota']::regclass[]) AS t;
-- no DELETE on tickets, their assignees and events: history is only added to (SVC-2)
REVOKE DELETE, TRUNCATE ON ticket, ticket_assignee, ticket_event FROM yewu_app;
REVOKE UPDATE ON ticket_event FROM yewu_app;
GRANT SELECT, INSERT, UPDATE ON ticket, ticket_assignee TO yewu_app;
GRANT SELECT, INSERT ON ticket_event TO yewu_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_sequence, ticket_timer, return_visit, return_visit_attempt, shift_log,
  public_ticket_quota TO yewu_app;
