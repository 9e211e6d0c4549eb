-- CUS-9: when the owner was warned that a neglected customer will return to the pool (warned once per period).
ALTER TABLE customer ADD COLUMN pool_warned_at timestamptz;
