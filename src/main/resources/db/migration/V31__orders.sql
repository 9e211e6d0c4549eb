-- Orders (issue 10, ORD-1 … ORD-8) on the V27 base. See docs/decisions/0014-orders.md.

-- ORD-3: the salesperson agreed payment before shipment with a customer the rules would let pay on delivery (a
-- stricter mode is always allowed, a more lenient one never); the mode itself is decided at submission.
ALTER TABLE sales_order ADD COLUMN prepay_agreed boolean NOT NULL DEFAULT false;
-- The order a draft was copied from: a copy never carries approvals (ORD-5, PLT-3), it only says where it came from.
ALTER TABLE sales_order ADD COLUMN copied_from bigint;
-- ORD-5c: the total the general manager released the hold for; a rise puts the order back on hold.
ALTER TABLE sales_order ADD COLUMN hold_released_total numeric(14, 2);

-- The warehouse role (ORD-6 … ORD-8) for companies created before it; new companies get it from RoleCode.
INSERT INTO role (company_id, code, name_zh, name_en, data_scope)
SELECT id, 'WAREHOUSE', '仓库', 'Warehouse clerk', 'ALL' FROM company
ON CONFLICT (company_id, code) DO NOTHING;
