-- Issue 10 / PLT-10: an imported order remembers the importer's own order reference (导入单号), so the same file
-- uploaded again makes no second order (docs/decisions/0026-imports.md). Per importer: two salespeople may both
-- number their sheets 1, 2, 3.
ALTER TABLE sales_order ADD COLUMN import_ref text;
CREATE UNIQUE INDEX sales_order_import_ref_idx ON sales_order (company_id, created_by, import_ref) WHERE import_ref IS NOT NULL;
