-- Order to cash (issue 10): quote requests for non-standard items (PRC-3) and quotes with their versions and lines
-- (PRC-4 … PRC-11). See docs/decisions/0015-quotes.md. Money is NUMERIC(14,2), yuan, tax-inclusive (PLT-8).

-- PRC-3: a salesperson asks finance for the guide price of a non-standard item; due answer-hours after the request,
-- escalated once to the business manager of the requester's department when overdue; a late answer stays late.
CREATE TABLE quote_request (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id        bigint NOT NULL REFERENCES company (id),
  customer_id       bigint NOT NULL,
  product_id        bigint NOT NULL,
  quantity          numeric(14, 3) NOT NULL CHECK (quantity > 0),
  specification     text NOT NULL DEFAULT '',
  requested_by      bigint NOT NULL,                   -- data scope (PLT-5)
  requested_at      timestamptz NOT NULL,
  due_at            timestamptz NOT NULL,
  status            text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED')),
  guide_price       numeric(14, 2) CHECK (guide_price > 0),
  lead_time_days    int CHECK (lead_time_days >= 0),
  answer_notes      text NOT NULL DEFAULT '',
  answered_by       bigint,
  answered_at       timestamptz,
  answered_late     boolean,
  escalated_at      timestamptz,
  escalated_to      bigint,
  settings_version  bigint NOT NULL,
  version           bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  CHECK ((status = 'ANSWERED') = (guide_price IS NOT NULL AND answered_at IS NOT NULL)),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  FOREIGN KEY (company_id, product_id) REFERENCES product (company_id, id),
  FOREIGN KEY (company_id, requested_by) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, answered_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX quote_request_open_idx ON quote_request (company_id, due_at) WHERE status = 'OPEN';
CREATE INDEX quote_request_requester_idx ON quote_request (company_id, requested_by, requested_at DESC);

-- PRC-10: a quote keeps its number across versions; each version is a row of quote_version with its own lines.
CREATE TABLE quote (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id      bigint NOT NULL REFERENCES company (id),
  number          text NOT NULL,                       -- QT + yyyyMMdd + sequence of the day, per company
  customer_id     bigint NOT NULL,
  owner_id        bigint NOT NULL,                     -- the customer's salesperson (data scope)
  newest_version  int NOT NULL DEFAULT 1,
  copied_from     bigint,                              -- a copy never carries approvals (PLT-3)
  version         bigint NOT NULL DEFAULT 0,           -- optimistic lock over the whole quote
  created_by      bigint NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  UNIQUE (company_id, number),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  FOREIGN KEY (company_id, owner_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, created_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX quote_owner_idx ON quote (company_id, owner_id, created_at DESC);
CREATE INDEX quote_customer_idx ON quote (company_id, customer_id);

CREATE TABLE quote_version (
  company_id        bigint NOT NULL,
  quote_id          bigint NOT NULL,
  version           int NOT NULL CHECK (version > 0),
  state             text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'SUPERSEDED')),
  vat_invoice       boolean NOT NULL,                  -- read from the customer when the version was made (PRC-5)
  issued_on         date NOT NULL,
  valid_until       date NOT NULL,                     -- PRC-10, the last valid day
  total             numeric(14, 2) NOT NULL CHECK (total >= 0),
  tax               numeric(14, 2) NOT NULL CHECK (tax >= 0),
  fee_expense       numeric(14, 2) NOT NULL DEFAULT 0 CHECK (fee_expense >= 0),
  payment_terms     text NOT NULL DEFAULT '',          -- ORD-2 … ORD-6 as the order would get them (shown in advance)
  delivery_terms    text NOT NULL DEFAULT '',          -- ORD-7
  notes             text NOT NULL DEFAULT '',
  settings_version  bigint NOT NULL,
  created_by        bigint NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  sent_at           timestamptz,
  decided_at        timestamptz,                       -- accepted or rejected by the customer
  reject_reason     text NOT NULL DEFAULT '',
  converted_at      timestamptz,
  order_id          bigint,
  PRIMARY KEY (company_id, quote_id, version),
  UNIQUE (company_id, order_id),
  FOREIGN KEY (company_id, quote_id) REFERENCES quote (company_id, id),
  FOREIGN KEY (company_id, created_by) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id),
  CHECK ((order_id IS NULL) = (converted_at IS NULL)),
  CHECK (order_id IS NULL OR state = 'ACCEPTED')
);

CREATE TABLE quote_line (
  company_id           bigint NOT NULL,
  quote_id             bigint NOT NULL,
  version              int NOT NULL,
  line_no              int NOT NULL CHECK (line_no > 0),
  product_id           bigint NOT NULL,
  product_kind         text NOT NULL CHECK (product_kind IN ('STANDARD', 'NON_STANDARD')),
  quantity             numeric(14, 3) NOT NULL CHECK (quantity > 0),
  unit_price           numeric(14, 2) NOT NULL CHECK (unit_price > 0),   -- P, tax-inclusive
  fee_share            numeric(7, 6) NOT NULL DEFAULT 0 CHECK (fee_share >= 0 AND fee_share < 1),
  quote_request_id     bigint,
  amount               numeric(14, 2) NOT NULL CHECK (amount >= 0),
  tax                  numeric(14, 2) NOT NULL CHECK (tax >= 0),
  -- PRC-2 … PRC-8 as checked when the version was made
  verdict              text NOT NULL CHECK (verdict IN ('OK', 'SPECIAL_PRICE', 'AWAITING_GUIDE_PRICE')),
  guide_price          numeric(14, 2),
  price_list_id        bigint,
  fee_per_unit         numeric(14, 2),
  net_price            numeric(14, 2),
  allowance            numeric(9, 6),
  special_discount     numeric(9, 6),
  commission_reduction numeric(9, 6),
  fee_expense          numeric(14, 2),
  -- PRC-6: the special-price application of this line
  special_status       text NOT NULL DEFAULT 'NONE' CHECK (special_status IN ('NONE', 'PENDING', 'APPROVED', 'REJECTED')),
  special_approval_id  bigint,
  PRIMARY KEY (company_id, quote_id, version, line_no),
  FOREIGN KEY (company_id, quote_id, version) REFERENCES quote_version (company_id, quote_id, version),
  FOREIGN KEY (company_id, product_id) REFERENCES product (company_id, id),
  FOREIGN KEY (company_id, quote_request_id) REFERENCES quote_request (company_id, id)
);
CREATE INDEX quote_line_product_idx ON quote_line (company_id, product_id);

CREATE TABLE quote_sequence (
  company_id  bigint NOT NULL REFERENCES company (id),
  day         date NOT NULL,
  last_no     int NOT NULL,
  PRIMARY KEY (company_id, day)
);

-- ORD-1: an order converted from a quote names it (V27 left the key to this migration).
ALTER TABLE sales_order ADD FOREIGN KEY (company_id, quote_id) REFERENCES quote (company_id, id);

SELECT yewu_wall(t) FROM unnest(ARRAY['quote_request', 'quote', 'quote_version', 'quote_line',
  'quote_sequence']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE, DELETE ON quote_request, quote, quote_version, quote_line, quote_sequence TO yewu_app;
