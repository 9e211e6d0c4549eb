-- Order to cash (issue 10): the sales order and its lines (ORD-1 … ORD-8), the base that quotes (V28), settlement
-- (V29: receipts, invoices, receivables, commission) and contracts / status look-ups (V30) build on.
-- See docs/decisions/0014-orders.md. Money is NUMERIC(14,2), yuan, tax-inclusive (PLT-8).

-- Whether a customer takes VAT special invoices (PRC-5, INV-1): the order and quote rules read it. A new customer
-- file takes them unless the salesperson says otherwise.
ALTER TABLE customer ADD COLUMN vat_invoice boolean NOT NULL DEFAULT true;

CREATE TABLE sales_order (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id         bigint NOT NULL REFERENCES company (id),
  number             text NOT NULL,                    -- SO + yyyyMMdd + sequence of the day, per company
  customer_id        bigint NOT NULL,
  owner_id           bigint NOT NULL,                  -- the salesperson the order counts for (data scope)
  sold_by            bigint,                           -- COM-3: 备注姓名 annotation, e-commerce orders only
  channel            text NOT NULL DEFAULT 'DIRECT' CHECK (channel IN ('DIRECT', 'QUOTE', 'ECOMMERCE')),
  quote_id           bigint,                           -- ORD-1: the accepted quote it came from (FK in V28)
  quote_version      int,
  contract_id        bigint,                           -- ORD-9 (FK in V30)
  state              text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'SUBMITTED', 'AWAITING_APPROVAL',
                       'AWAITING_PAYMENT', 'RELEASED', 'SHIPPED', 'DELIVERED', 'CLOSED', 'CANCELLED')),
  warehouse_stage    text NOT NULL DEFAULT 'NOT_PRINTED' CHECK (warehouse_stage IN ('NOT_PRINTED', 'PRINTED', 'PACKED', 'SHIPPED')),
  payment_mode       text CHECK (payment_mode IN ('PAY_BEFORE_SHIPMENT', 'PAY_ON_DELIVERY', 'CREDIT')),
  vat_invoice        boolean NOT NULL,                 -- copied from the customer when the order is made (PRC-5)
  total              numeric(14, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),      -- tax-inclusive
  tax                numeric(14, 2) NOT NULL DEFAULT 0 CHECK (tax >= 0),        -- VAT inside total (PLT-8)
  deposit_due        numeric(14, 2) NOT NULL DEFAULT 0 CHECK (deposit_due >= 0), -- ORD-4
  fee_expense        numeric(14, 2) NOT NULL DEFAULT 0 CHECK (fee_expense >= 0), -- PRC-8, MKT-1
  -- What settlement has applied (V29 keeps the detail); the checks make over-applying impossible (INV-2, RCV-1).
  paid_amount        numeric(14, 2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0 AND paid_amount <= total),
  invoiced_amount    numeric(14, 2) NOT NULL DEFAULT 0 CHECK (invoiced_amount >= 0 AND invoiced_amount <= total),
  -- ORD-5: the total the current approvals cover; a rise above it voids them (ORD-5d).
  approved_total     numeric(14, 2),
  approval_id        bigint,
  credit_hold        boolean NOT NULL DEFAULT false,   -- ORD-5c
  hold_released_by   bigint,
  hold_released_at   timestamptz,
  hold_release_reason text,
  settings_version   bigint,                           -- PLT-2: the settings its decisions were made with
  credit_term_days   int,                              -- copied at submission (ORD-3c)
  -- ORD-7: delivery promise and shipment
  ship_by            date,
  custom_ship_on     date,                             -- the date production commits for custom lines
  released_at        timestamptz,
  printed_at         timestamptz,
  packed_at          timestamptz,
  shipped_at         timestamptz,
  delivered_at       timestamptz,
  shipped_late       boolean,
  due_on             date,                             -- when the receivable falls due (RCV-3)
  closed_at          timestamptz,
  cancelled_at       timestamptz,
  cancelled_by       bigint,
  cancel_reason      text,
  -- ORD-8: special requirements the warehouse sees
  invoice_title      text NOT NULL DEFAULT '',
  delivery_window    text NOT NULL DEFAULT '',
  carrier            text NOT NULL DEFAULT '',
  notes              text NOT NULL DEFAULT '',
  ship_to            text NOT NULL DEFAULT '',
  contact_phone      text NOT NULL DEFAULT '',         -- ORD-8b: the phone the customer looks its order up with
  version            bigint NOT NULL DEFAULT 0,
  created_by         bigint NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  submitted_at       timestamptz,
  UNIQUE (company_id, id),
  UNIQUE (company_id, number),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  FOREIGN KEY (company_id, owner_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, created_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX sales_order_owner_idx ON sales_order (company_id, owner_id, created_at DESC);
CREATE INDEX sales_order_customer_idx ON sales_order (company_id, customer_id, created_at);
CREATE INDEX sales_order_state_idx ON sales_order (company_id, state, created_at DESC);
CREATE INDEX sales_order_open_idx ON sales_order (company_id, customer_id) WHERE paid_amount < total AND state NOT IN ('CANCELLED', 'DRAFT');

CREATE TABLE sales_order_line (
  company_id           bigint NOT NULL,
  order_id             bigint NOT NULL,
  line_no              int NOT NULL CHECK (line_no > 0),
  product_id           bigint NOT NULL,
  product_kind         text NOT NULL CHECK (product_kind IN ('STANDARD', 'NON_STANDARD')),
  quantity             numeric(14, 3) NOT NULL CHECK (quantity > 0),
  unit_price           numeric(14, 2) NOT NULL CHECK (unit_price > 0),   -- P, tax-inclusive
  amount               numeric(14, 2) NOT NULL CHECK (amount >= 0),      -- P × quantity half-up (PLT-8)
  tax                  numeric(14, 2) NOT NULL CHECK (tax >= 0),
  -- PRC-2 … PRC-8 as checked when the line was last changed
  guide_price          numeric(14, 2),                  -- G it was checked against, null while priced on request
  price_list_id        bigint,
  fee_share            numeric(7, 6) NOT NULL DEFAULT 0 CHECK (fee_share >= 0 AND fee_share < 1),
  fee_per_unit         numeric(14, 2) NOT NULL DEFAULT 0,
  net_price            numeric(14, 2) NOT NULL,
  verdict              text NOT NULL,                   -- PriceVerdict
  special_discount     numeric(9, 6) NOT NULL DEFAULT 0,
  commission_reduction numeric(9, 6) NOT NULL DEFAULT 0, -- PRC-6, as a fraction (0.0025 = 0.25 point)
  special_approval_id  bigint,                          -- the approval that allowed its special price
  PRIMARY KEY (company_id, order_id, line_no),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, product_id) REFERENCES product (company_id, id)
);
CREATE INDEX sales_order_line_product_idx ON sales_order_line (company_id, product_id);

-- ORD-8: every change of an order: what, when, who, and whether the customer was told and the warehouse notified.
CREATE TABLE sales_order_change (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL,
  order_id      bigint NOT NULL,
  kind          text NOT NULL,                          -- EDIT, CANCEL, TAKE_BACK, STAGE, REQUIREMENTS …
  warehouse_stage text NOT NULL,
  content       jsonb NOT NULL,                         -- before / after of each changed field
  changed_by    bigint NOT NULL,
  changed_at    timestamptz NOT NULL DEFAULT now(),
  customer_confirmed_at timestamptz,
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id) ON DELETE CASCADE
);
CREATE INDEX sales_order_change_order_idx ON sales_order_change (company_id, order_id, changed_at);

-- ORD-8: cancelling an order paid in advance creates a refund that finance pays and records (V29 matches receipts).
CREATE TABLE sales_order_refund (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL,
  order_id    bigint NOT NULL,
  amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
  status      text NOT NULL DEFAULT 'DUE' CHECK (status IN ('DUE', 'PAID')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  paid_at     timestamptz,
  paid_by     bigint,
  method      text CHECK (method IN ('BANK', 'CASH')),
  reference   text NOT NULL DEFAULT '',
  version     bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, order_id),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id)
);

-- Order numbers: one counter per company and day, taken in the creating transaction.
CREATE TABLE sales_order_sequence (
  company_id  bigint NOT NULL REFERENCES company (id),
  day         date NOT NULL,
  last_no     int NOT NULL,
  PRIMARY KEY (company_id, day)
);

SELECT yewu_wall(t) FROM unnest(ARRAY['sales_order', 'sales_order_line', 'sales_order_change',
  'sales_order_sequence', 'sales_order_refund']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE, DELETE ON sales_order, sales_order_line, sales_order_change, sales_order_sequence,
  sales_order_refund TO yewu_app;
