-- Issue 9 speed (decision 0045): a list of files by stage, and its capped count, read the stage index alone. The
-- columns a reader's data scope tests (owner, department, creator: CustomerAccess) ride in the index, so a manager's
-- page and count filter index entries instead of fetching each file; the index stays one, not two.
DROP INDEX customer_stage_idx;
CREATE INDEX customer_stage_idx ON customer (company_id, stage, id DESC) INCLUDE (owner_id, department_id, created_by);
