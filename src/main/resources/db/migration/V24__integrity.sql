-- Issue 8, integrity (PLT-3, PLT-4, CUS-3, CUS-7, CUS-8, CUS-15). See docs/decisions/0009-integrity.md.

-- CUS-3: a lead becomes an intention customer only when its salesperson qualifies it (who and when; intention_on
-- stays the day that counts toward the daily goal); a manager closes a customer with a reason.
ALTER TABLE customer
  ADD COLUMN qualified_at  timestamptz,
  ADD COLUMN qualified_by  bigint,
  ADD COLUMN closed_at     timestamptz,
  ADD COLUMN closed_by     bigint,
  ADD COLUMN closed_reason text;
CREATE INDEX customer_qualified_idx ON customer (company_id, qualified_by, qualified_at) WHERE qualified_at IS NOT NULL;

-- CUS-15: a request that can no longer be decided is cancelled with a reason (owner changed, administrator).
ALTER TABLE customer_change_request
  DROP CONSTRAINT customer_change_request_status_check,
  ADD CONSTRAINT customer_change_request_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'VOID', 'CANCELLED')),
  ADD COLUMN cancel_reason text,
  ADD COLUMN cancelled_by  bigint;

-- PLT-4: when the administrators were last reminded that a year's schedule is missing (a weekly reminder, not daily).
CREATE TABLE calendar_reminder (
  company_id       bigint NOT NULL REFERENCES company (id),
  year             int NOT NULL,
  last_notified_at timestamptz NOT NULL,
  PRIMARY KEY (company_id, year)
);
SELECT yewu_wall('calendar_reminder'::regclass);
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_reminder TO yewu_app;
