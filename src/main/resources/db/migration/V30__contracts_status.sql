-- Order to cash (issue 10): contracts (ORD-9) and the customers' order-status look-ups (ORD-8b, counted for SVC-10).
-- See docs/decisions/0017-contracts-status.md.

-- ORD-9: a sales contract (购销合同) of one customer, owned by a salesperson (data scope as for orders).
CREATE TABLE contract (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL REFERENCES company (id),
  number       text NOT NULL,
  customer_id  bigint NOT NULL,
  owner_id     bigint NOT NULL,
  title        text NOT NULL,
  amount       numeric(14, 2) NOT NULL CHECK (amount > 0),   -- tax-inclusive, yuan
  signed_on    date NOT NULL,
  version      bigint NOT NULL DEFAULT 0,
  created_by   bigint NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  UNIQUE (company_id, number),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  FOREIGN KEY (company_id, owner_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, created_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX contract_owner_idx ON contract (company_id, owner_id, signed_on DESC);
CREATE INDEX contract_customer_idx ON contract (company_id, customer_id);

-- Signing, execution, change and supplement records (签订、执行、变更、补充): each one a new version with its file.
CREATE TABLE contract_record (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL,
  contract_id   bigint NOT NULL,
  version       int NOT NULL CHECK (version > 0),
  kind          text NOT NULL CHECK (kind IN ('SIGNING', 'EXECUTION', 'CHANGE', 'SUPPLEMENT')),
  recorded_on   date NOT NULL,
  note          text NOT NULL DEFAULT '',
  file_name     text NOT NULL,
  content_type  text NOT NULL,
  size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
  storage_key   text NOT NULL,
  created_by    bigint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, contract_id, version),
  FOREIGN KEY (company_id, contract_id) REFERENCES contract (company_id, id),
  FOREIGN KEY (company_id, created_by) REFERENCES app_user (company_id, id)
);

-- An order may reference a contract (ORD-9); the column came with V27.
ALTER TABLE sales_order ADD CONSTRAINT sales_order_contract_fk
  FOREIGN KEY (company_id, contract_id) REFERENCES contract (company_id, id);
CREATE INDEX sales_order_contract_idx ON sales_order (company_id, contract_id) WHERE contract_id IS NOT NULL;

-- ORD-8b: every look-up of an order's status, by the customer on the public page or by a service agent (SVC-10).
CREATE TABLE order_status_lookup (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL REFERENCES company (id),
  order_id      bigint NOT NULL,
  channel       text NOT NULL CHECK (channel IN ('PUBLIC', 'AGENT')),
  looked_up_by  bigint,                                  -- the agent; none on the public page
  looked_up_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id) ON DELETE CASCADE
);
CREATE INDEX order_status_lookup_day_idx ON order_status_lookup (company_id, looked_up_at);

-- ORD-8b: the public page must not be an oracle. Look-ups are counted per client address and per order number in
-- the database (as the duplicate-check quota of V23), so every node counts against the same quota. Anonymous
-- callers have no company yet, so these rows carry none.
CREATE TABLE order_status_quota (
  key_kind      text NOT NULL CHECK (key_kind IN ('ADDRESS', 'NUMBER')),
  key           text NOT NULL,
  window_kind   text NOT NULL CHECK (window_kind IN ('MINUTE', 'DAY')),
  window_start  timestamptz NOT NULL,
  used          integer NOT NULL,
  PRIMARY KEY (key_kind, key, window_kind)
);

SELECT yewu_wall(t) FROM unnest(ARRAY['contract', 'contract_record', 'order_status_lookup']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE, DELETE ON contract, contract_record, order_status_lookup, order_status_quota TO yewu_app;

-- The public page finds an order by its number before it knows the company; the service desk by a caller's phone.
CREATE INDEX sales_order_number_idx ON sales_order (number);
CREATE INDEX sales_order_contact_phone_idx ON sales_order (company_id, regexp_replace(contact_phone, '\D', '', 'g'))
  WHERE contact_phone <> '';
