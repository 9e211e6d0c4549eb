-- CUS-9: when the owner was warned that a neglected customer will return to the pool (warned once per period).
ALTER TABLE customer ADD COLUMN pool_warned_at timestamptz;

-- CUS-15: one change request awaiting approval per customer at a time.
CREATE UNIQUE INDEX customer_change_request_pending_uk ON customer_change_request (company_id, customer_id) WHERE status = 'PENDING';
