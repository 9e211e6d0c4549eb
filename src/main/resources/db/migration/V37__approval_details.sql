-- Issue 12: what an approval approves, shown to the approver — the record's link and name, the before/after of each
-- changed field and the evidence (e.g. a credit investigation). Written once when the chain starts; null for chains
-- whose subject says it all.
ALTER TABLE approval_request ADD COLUMN details jsonb;
