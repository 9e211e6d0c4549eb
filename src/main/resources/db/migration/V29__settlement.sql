-- Order to cash, settlement (issue 10): receipts and their matching to orders (RCV-1, RCV-2), invoices (INV-1, INV-2),
-- refund payments (ORD-8), receivable reminders (RCV-3) and commission (COM-1 … COM-3).
-- See docs/decisions/0016-settlement.md. Money is NUMERIC(14,2), yuan, tax-inclusive (PLT-8).

-- RCV-1: a receipt (到帐) from a customer, by bank or in cash. matched_amount is what has been applied to orders;
-- the rest is the balance on account. The CHECK makes over-applying a receipt impossible even under concurrency.
CREATE TABLE receipt (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id      bigint NOT NULL REFERENCES company (id),
  customer_id     bigint NOT NULL,
  method          text NOT NULL CHECK (method IN ('BANK', 'CASH')),
  amount          numeric(14, 2) NOT NULL CHECK (amount > 0),
  received_on     date NOT NULL,
  reference       text NOT NULL DEFAULT '',
  matched_amount  numeric(14, 2) NOT NULL DEFAULT 0 CHECK (matched_amount >= 0 AND matched_amount <= amount),
  credited_to     bigint,                              -- RCV-2: the customer's owner on the receipt date
  settings_version bigint,
  version         bigint NOT NULL DEFAULT 0,
  recorded_by     bigint NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  FOREIGN KEY (company_id, credited_to) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, recorded_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX receipt_customer_idx ON receipt (company_id, customer_id, received_on);
CREATE INDEX receipt_day_idx ON receipt (company_id, received_on, credited_to);
CREATE INDEX receipt_on_account_idx ON receipt (company_id, customer_id) WHERE matched_amount < amount;

-- RCV-1: one application of a receipt to one order; credited_to is who the amount counts for (RCV-2, COM-3).
CREATE TABLE receipt_match (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL,
  receipt_id   bigint NOT NULL,
  order_id     bigint NOT NULL,
  amount       numeric(14, 2) NOT NULL CHECK (amount > 0),
  paid_before  numeric(14, 2) NOT NULL CHECK (paid_before >= 0),
  credited_to  bigint,
  matched_by   bigint NOT NULL,
  matched_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, receipt_id) REFERENCES receipt (company_id, id),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id)
);
CREATE INDEX receipt_match_receipt_idx ON receipt_match (company_id, receipt_id);
CREATE INDEX receipt_match_order_idx ON receipt_match (company_id, order_id);

-- INV-2: an invoice of one type covering one or more orders of one customer; amount = net + tax to the fen.
CREATE TABLE invoice (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id       bigint NOT NULL REFERENCES company (id),
  customer_id      bigint NOT NULL,
  type             text NOT NULL CHECK (type IN ('VAT_SPECIAL', 'ORDINARY')),
  number           text NOT NULL,
  issued_on        date NOT NULL,
  amount           numeric(14, 2) NOT NULL CHECK (amount > 0),
  tax              numeric(14, 2) NOT NULL CHECK (tax >= 0),
  net              numeric(14, 2) NOT NULL CHECK (net >= 0),
  settings_version bigint,
  issued_by        bigint NOT NULL,
  issued_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (amount = net + tax),
  UNIQUE (company_id, id),
  UNIQUE (company_id, type, number),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  FOREIGN KEY (company_id, issued_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX invoice_customer_idx ON invoice (company_id, customer_id, issued_on);
CREATE INDEX invoice_day_idx ON invoice (company_id, issued_on DESC);

CREATE TABLE invoice_order (
  company_id  bigint NOT NULL,
  invoice_id  bigint NOT NULL,
  order_id    bigint NOT NULL,
  amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
  tax         numeric(14, 2) NOT NULL CHECK (tax >= 0),
  PRIMARY KEY (company_id, invoice_id, order_id),
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoice (company_id, id),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id)
);
CREATE INDEX invoice_order_order_idx ON invoice_order (company_id, order_id);

-- INV-1: small amounts of a customer that insists on a VAT special invoice, waiting until they reach the minimum;
-- invoice_id is set when the VAT invoice that covers them is issued.
CREATE TABLE invoice_accumulation (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL,
  customer_id bigint NOT NULL,
  order_id    bigint NOT NULL,
  amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
  added_by    bigint NOT NULL,
  added_at    timestamptz NOT NULL DEFAULT now(),
  invoice_id  bigint,
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id),
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoice (company_id, id)
);
CREATE INDEX invoice_accumulation_open_idx ON invoice_accumulation (company_id, customer_id) WHERE invoice_id IS NULL;
CREATE INDEX invoice_accumulation_order_idx ON invoice_accumulation (company_id, order_id) WHERE invoice_id IS NULL;

-- ORD-8: the day finance paid a refund (paid_at is when it was recorded).
ALTER TABLE sales_order_refund ADD COLUMN paid_on date;

-- RCV-3: a reminder sent to the owner for one period of a receivable (the due date, then every 7 days), once.
CREATE TABLE receivable_reminder (
  company_id    bigint NOT NULL,
  order_id      bigint NOT NULL,
  period_start  date NOT NULL,
  owner_id      bigint NOT NULL,
  open_amount   numeric(14, 2) NOT NULL,
  sent_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, order_id, period_start),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id)
);

-- RCV-3 at scale: aging reads only open receivables, from the index alone (index-only scan).
CREATE INDEX sales_order_receivable_idx ON sales_order (company_id, owner_id, due_on)
  INCLUDE (customer_id, total, paid_amount) WHERE paid_amount < total AND state NOT IN ('CANCELLED', 'DRAFT');

-- COM-1: one line's commission from one receipt match; month is the statement month (COM-2).
CREATE TABLE commission_accrual (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id      bigint NOT NULL,
  salesperson_id  bigint NOT NULL,
  month           date NOT NULL CHECK (extract(day FROM month) = 1),
  accrued_on      date NOT NULL,
  receipt_id      bigint NOT NULL,
  match_id        bigint,
  order_id        bigint NOT NULL,
  line_no         int NOT NULL,
  share           numeric(14, 2) NOT NULL,
  plan_rate       numeric(9, 6) NOT NULL,
  reduction       numeric(9, 6) NOT NULL,
  rate            numeric(9, 6) NOT NULL,
  commission      numeric(14, 2) NOT NULL,
  kind            text NOT NULL DEFAULT 'RECEIPT' CHECK (kind IN ('RECEIPT', 'REFUND')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, salesperson_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, receipt_id) REFERENCES receipt (company_id, id),
  FOREIGN KEY (company_id, match_id) REFERENCES receipt_match (company_id, id),
  FOREIGN KEY (company_id, order_id) REFERENCES sales_order (company_id, id)
);
CREATE INDEX commission_accrual_month_idx ON commission_accrual (company_id, month, salesperson_id);
CREATE INDEX commission_accrual_order_idx ON commission_accrual (company_id, order_id);

-- COM-2: a month the marketing director approved; nothing is added to or changed in it afterwards.
CREATE TABLE commission_month (
  company_id   bigint NOT NULL REFERENCES company (id),
  month        date NOT NULL CHECK (extract(day FROM month) = 1),
  approved_by  bigint NOT NULL,
  approved_at  timestamptz NOT NULL DEFAULT now(),
  total        numeric(14, 2) NOT NULL,
  accruals     int NOT NULL,
  PRIMARY KEY (company_id, month),
  FOREIGN KEY (company_id, approved_by) REFERENCES app_user (company_id, id)
);

-- COM-2: the database itself refuses any write into a locked month.
CREATE FUNCTION commission_month_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF EXISTS (SELECT 1 FROM commission_month m WHERE m.company_id = r.company_id AND m.month = r.month)
     OR TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM commission_month m WHERE m.company_id = OLD.company_id AND m.month = OLD.month) THEN
    RAISE EXCEPTION 'commission month % is locked', r.month USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER commission_accrual_locked BEFORE INSERT OR UPDATE OR DELETE ON commission_accrual
  FOR EACH ROW EXECUTE FUNCTION commission_month_locked();

SELECT yewu_wall(t) FROM unnest(ARRAY['receipt', 'receipt_match', 'invoice', 'invoice_order', 'invoice_accumulation',
  'receivable_reminder', 'commission_accrual', 'commission_month']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE, DELETE ON receipt, receipt_match, invoice, invoice_order, invoice_accumulation,
  receivable_reminder, commission_accrual, commission_month TO yewu_app;
