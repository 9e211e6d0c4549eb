-- Customers and leads (spec 01, CUS-1 … CUS-16).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- One file per customer for its whole life: a lead in the pool (stage LEAD, no owner) becomes an intention
-- customer on assignment and keeps its history; converting never creates a second file (CUS-6).
CREATE TABLE customer (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id         bigint NOT NULL REFERENCES company (id),
  name               text NOT NULL,
  credit_code        text,
  city               text NOT NULL,
  address            text NOT NULL DEFAULT '',
  business_format    text NOT NULL DEFAULT '',
  customer_class     text NOT NULL DEFAULT '',
  key_account        boolean NOT NULL DEFAULT false,
  parent_id          bigint,
  source             text NOT NULL CHECK (source IN ('ONLINE', 'SELF', 'IMPORT')),
  stage              text NOT NULL CHECK (stage IN ('LEAD', 'INTENTION', 'FIRST_ORDER', 'ACTIVE', 'DORMANT', 'CLOSED')),
  owner_id           bigint,
  department_id      bigint,             -- the department whose pool holds the lead / whose manager decides
  product_category   text NOT NULL DEFAULT '',
  credit_term_days   int,
  credit_limit       numeric(14, 2),
  invoice_title      text NOT NULL DEFAULT '',
  tax_id             text NOT NULL DEFAULT '',
  bank_name          text NOT NULL DEFAULT '',
  bank_account       text NOT NULL DEFAULT '',
  notes              text NOT NULL DEFAULT '',
  tags               text[] NOT NULL DEFAULT '{}',
  intention_on       date,               -- day the stage INTENTION was reached (TEAM-2 daily goal)
  assigned_at        timestamptz,        -- last assignment from the pool (CUS-12)
  first_contact_due  timestamptz,
  first_contacted_at timestamptz,
  overdue_flagged_at timestamptz,       -- when the owner and manager were told the first contact is late
  last_follow_up_at  timestamptz,
  last_order_at      timestamptz,
  created_by         bigint,
  created_at         timestamptz NOT NULL DEFAULT now(),
  version            bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, owner_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, parent_id) REFERENCES customer (company_id, id),
  CHECK ((credit_term_days IS NULL) = (credit_limit IS NULL))
);
CREATE INDEX customer_owner_idx ON customer (company_id, owner_id, id DESC);
CREATE INDEX customer_pool_idx ON customer (company_id, department_id, id) WHERE owner_id IS NULL;
CREATE INDEX customer_stage_idx ON customer (company_id, stage, id DESC);
CREATE INDEX customer_name_trgm ON customer USING gin (name gin_trgm_ops);
CREATE INDEX customer_contact_due_idx ON customer (company_id, first_contact_due)
  WHERE first_contacted_at IS NULL AND first_contact_due IS NOT NULL;

-- The normalised identity keys of a file (name, credit code, phones, e-mails). The unique index is the
-- first-filer rule itself: two people filing the same customer at once cannot both win (CUS-6).
CREATE TABLE customer_key (
  company_id   bigint NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('NAME', 'CREDIT_CODE', 'PHONE', 'EMAIL')),
  value        text NOT NULL,
  customer_id  bigint NOT NULL,
  PRIMARY KEY (company_id, kind, value),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_key_customer_idx ON customer_key (company_id, customer_id);

CREATE TABLE customer_contact (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL,
  customer_id  bigint NOT NULL,
  name         text NOT NULL,
  phone        text NOT NULL DEFAULT '',
  email        text NOT NULL DEFAULT '',
  position     text NOT NULL DEFAULT '',
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_contact_customer_idx ON customer_contact (company_id, customer_id);

-- Who owned the customer when: periods never overlap, so "owner of X on date D" has one answer (RCV-2).
CREATE TABLE customer_ownership (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL,
  customer_id  bigint NOT NULL,
  owner_id     bigint NOT NULL,
  valid_from   timestamptz NOT NULL,
  valid_to     timestamptz,
  reason       text NOT NULL,           -- FILED, ASSIGNED, TRANSFER, DISPUTE, POOL_RETURN …
  reason_ref   text,
  decision     jsonb,
  recorded_by  bigint,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (company_id WITH =, customer_id WITH =,
                      tstzrange(valid_from, valid_to, '[)') WITH &&)
);
CREATE INDEX customer_ownership_owner_idx ON customer_ownership (company_id, owner_id, valid_from);

-- A second filer's attempt on an existing file or a pooled lead (CUS-6).
CREATE TABLE customer_claim (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id     bigint NOT NULL,
  customer_id    bigint NOT NULL,
  claimant_id    bigint NOT NULL,
  owner_id       bigint,                -- owner when the claim was made (null: lead in the pool)
  attempted_name text NOT NULL,
  matched_on     text NOT NULL,
  status         text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISPUTED', 'CLOSED')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_claim_customer_idx ON customer_claim (company_id, customer_id);
CREATE INDEX customer_claim_claimant_idx ON customer_claim (company_id, claimant_id, created_at DESC);

-- CUS-7
CREATE TABLE ownership_dispute (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id      bigint NOT NULL,
  claim_id        bigint NOT NULL,
  customer_id     bigint NOT NULL,
  opened_by       bigint NOT NULL,
  status          text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DECIDED')),
  outcome         text CHECK (outcome IN ('KEEP', 'TRANSFER', 'TRANSFER_FROM')),
  effective_from  timestamptz,
  reason          text,
  decided_by      bigint,
  decided_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, claim_id) REFERENCES customer_claim (company_id, id)
);
CREATE UNIQUE INDEX ownership_dispute_open_uk ON ownership_dispute (company_id, claim_id) WHERE status = 'OPEN';
CREATE TABLE dispute_statement (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL,
  dispute_id  bigint NOT NULL,
  author_id   bigint NOT NULL,
  text        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, dispute_id) REFERENCES ownership_dispute (company_id, id) ON DELETE CASCADE
);

-- CUS-13
CREATE TABLE follow_up (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id         bigint NOT NULL,
  customer_id        bigint NOT NULL,
  author_id          bigint NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('PHONE', 'VISIT', 'MESSAGE', 'MEETING')),
  happened_at        timestamptz NOT NULL,
  content            text NOT NULL,
  next_step          text NOT NULL DEFAULT '',
  next_follow_up_on  date,
  created_at         timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE
);
CREATE INDEX follow_up_customer_idx ON follow_up (company_id, customer_id, happened_at DESC);
CREATE INDEX follow_up_due_idx ON follow_up (company_id, author_id, next_follow_up_on) WHERE next_follow_up_on IS NOT NULL;

-- CUS-10: what a salesperson knows and whether they are away
CREATE TABLE sales_profile (
  company_id    bigint NOT NULL,
  user_id       bigint NOT NULL,
  skills        text[] NOT NULL DEFAULT '{}',
  absent_from   date,
  absent_to     date,
  version       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (company_id, user_id),
  FOREIGN KEY (company_id, user_id) REFERENCES app_user (company_id, id) ON DELETE CASCADE
);

-- CUS-15
CREATE TABLE customer_change_request (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id           bigint NOT NULL,
  customer_id          bigint NOT NULL,
  requested_by         bigint NOT NULL,
  changes              jsonb NOT NULL,          -- {field: {old, new}}
  credit_investigation jsonb,                   -- capital turnover, payment history, references
  status               text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'VOID')),
  customer_version     bigint NOT NULL,
  decision             jsonb NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  decided_at           timestamptz,
  version              bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_change_request_customer_idx ON customer_change_request (company_id, customer_id, created_at DESC);

SELECT yewu_wall(t) FROM unnest(ARRAY['customer', 'customer_key', 'customer_contact', 'customer_ownership',
  'customer_claim', 'ownership_dispute', 'dispute_statement', 'follow_up', 'sales_profile',
  'customer_change_request']::regclass[]) AS t;
