-- Issue 9 speed: CUS-10's ranking counts per salesperson (leads received this month, open unconverted leads, the
-- last assignment) are read from these indexes alone instead of visiting every counted row; the ranking is read on
-- every lead pool page and every distribution, and the counts grow through the month (LeadPool.candidates names
-- these predicates word for word, so the planner proves each index applies).
CREATE INDEX customer_ownership_assigned_idx ON customer_ownership (company_id, owner_id, valid_from)
  WHERE reason = 'ASSIGNED';
CREATE INDEX customer_open_lead_idx ON customer (company_id, owner_id)
  WHERE assigned_at IS NOT NULL AND stage IN ('LEAD', 'INTENTION');
