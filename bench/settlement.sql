-- Settlement bench data (issue 10 "Speed"): order lines, receivables and commission accruals at scale for the demo
-- company, set-based. Variables (psql -v): lines (default 1,000,000 order lines, 10 to an order), customers
-- (20,000 new credit customers owned by the company's salespeople). Orders over the last 24 months: about a third
-- paid in full, a quarter part-paid, the rest open; 2 % cancelled, 1 % drafts; due dates 30 days after delivery,
-- so the aging spreads over every bucket. Each receipt is matched to its order and accrues commission per line in
-- the month it was received (COM-1), as Receipts would. Run by bench/settlement.sh as the superuser `postgres`
-- (bypasses the company wall; triggers and foreign-key checks are off while loading: the rows are made consistent
-- here). Refuses to run twice.
\set ON_ERROR_STOP on
\if :{?lines}
\else
  \set lines 1000000
\endif
\if :{?customers}
\else
  \set customers 20000
\endif

SELECT count(*) > 0 AS already FROM sales_order WHERE number LIKE 'BS%' \gset
\if :already
  \echo 'settlement bench data already present: nothing to do'
  \quit
\endif

BEGIN;
SET LOCAL session_replication_role = replica;

CREATE TEMP TABLE sctx AS
SELECT c.id AS company_id,
       (SELECT id FROM app_user WHERE company_id = c.id AND username = 'finance') AS finance,
       (SELECT min(id) FROM product WHERE company_id = c.id AND kind = 'STANDARD') AS product
FROM company c WHERE c.code = 'DEMO';

-- the company's salespeople (anyone holding the SALES role), numbered
CREATE TEMP TABLE sellers AS
SELECT row_number() OVER (ORDER BY u.id) AS n, u.id
FROM app_user u JOIN sctx x ON x.company_id = u.company_id
WHERE EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.code = 'SALESPERSON');
SELECT count(*) AS seller_count FROM sellers \gset

INSERT INTO customer (company_id, name, city, address, owner_id, stage, source, credit_term_days, credit_limit, vat_invoice, created_by)
SELECT x.company_id, '结算基准客户' || lpad(g::text, 6, '0'), '上海市', '结算路 ' || g || ' 号', s.id, 'ACTIVE', 'SELF', 30,
       500000.00, g % 3 <> 0, s.id
FROM sctx x, generate_series(1, :customers) g
JOIN sellers s ON s.n = 1 + g % :seller_count;

CREATE TEMP TABLE bcust AS
SELECT row_number() OVER (ORDER BY id) AS n, id, owner_id FROM customer
WHERE company_id = (SELECT company_id FROM sctx) AND name LIKE '结算基准客户%';

-- orders: 10 lines each, created over 24 months; the state and what is paid by the order's number
CREATE TEMP TABLE border AS
SELECT g AS n, c.id AS customer_id, c.owner_id,
       now() - ((g * 7919) % 730) * interval '1 day' AS created_at,
       CASE WHEN g % 50 = 0 THEN 'CANCELLED' WHEN g % 100 = 1 THEN 'DRAFT'
            WHEN g % 12 = 2 THEN 'RELEASED' ELSE 'DELIVERED' END AS state,
       round((200 + (hashint4(g) & 4095))::numeric, 2) AS unit_price,
       CASE WHEN g % 3 = 0 THEN 1.0 WHEN g % 4 = 1 THEN 0.5 ELSE 0 END AS paid_share
FROM generate_series(1, :lines / 10) g
JOIN bcust c ON c.n = 1 + g % :customers;

INSERT INTO sales_order (company_id, number, customer_id, owner_id, state, warehouse_stage, payment_mode, vat_invoice,
                         total, tax, paid_amount, credit_term_days, created_by, created_at, submitted_at, released_at,
                         shipped_at, delivered_at, due_on, closed_at)
SELECT x.company_id, 'BS' || lpad(o.n::text, 8, '0'), o.customer_id, o.owner_id,
       CASE WHEN o.state = 'DELIVERED' AND o.paid_share = 1.0 THEN 'CLOSED' ELSE o.state END,
       CASE WHEN o.state = 'DELIVERED' THEN 'SHIPPED' ELSE 'NOT_PRINTED' END, 'CREDIT', true,
       o.unit_price * 100, round(o.unit_price * 100 * 0.13 / 1.13, 2),
       CASE WHEN o.state = 'DELIVERED' THEN round(o.unit_price * 100 * o.paid_share, 2) ELSE 0 END, 30,
       o.owner_id, o.created_at, o.created_at, o.created_at + interval '1 hour',
       CASE WHEN o.state = 'DELIVERED' THEN o.created_at + interval '1 day' END,
       CASE WHEN o.state = 'DELIVERED' THEN o.created_at + interval '2 days' END,
       CASE WHEN o.state IN ('DELIVERED', 'RELEASED') THEN ((o.created_at + interval '2 days') AT TIME ZONE 'Asia/Shanghai')::date + 30 END,
       CASE WHEN o.state = 'DELIVERED' AND o.paid_share = 1.0 THEN o.created_at + interval '40 days' END
FROM border o, sctx x;

CREATE TEMP TABLE bo AS
SELECT s.id, s.company_id, s.customer_id, s.owner_id, s.total, s.paid_amount, s.created_at, s.state
FROM sales_order s WHERE s.company_id = (SELECT company_id FROM sctx) AND s.number LIKE 'BS%';
CREATE INDEX ON bo (id);

-- 10 lines of 10 metres each: amount = unit price × 10, the order total = 100 × unit price
INSERT INTO sales_order_line (company_id, order_id, line_no, product_id, product_kind, quantity, unit_price, amount, tax,
                              guide_price, net_price, verdict)
SELECT o.company_id, o.id, l, x.product, 'STANDARD', 10, o.total / 100, o.total / 10, round(o.total / 10 * 0.13 / 1.13, 2),
       o.total / 100, o.total / 100, 'OK'
FROM bo o, sctx x, generate_series(1, 10) l;

-- one receipt per paid or part-paid order, received 20 days after delivery, matched to it
INSERT INTO receipt (company_id, customer_id, method, amount, received_on, reference, matched_amount, credited_to,
                     recorded_by, recorded_at)
SELECT o.company_id, o.customer_id, 'BANK', o.paid_amount, (o.created_at AT TIME ZONE 'Asia/Shanghai')::date + 22,
       'BS-' || o.id, o.paid_amount, o.owner_id, x.finance, o.created_at + interval '22 days'
FROM bo o, sctx x WHERE o.paid_amount > 0;

CREATE TEMP TABLE brc AS
SELECT r.id AS receipt_id, r.received_on, substr(r.reference, 4)::bigint AS order_id
FROM receipt r WHERE r.company_id = (SELECT company_id FROM sctx) AND r.reference LIKE 'BS-%';

INSERT INTO receipt_match (company_id, receipt_id, order_id, amount, paid_before, credited_to, matched_by, matched_at)
SELECT o.company_id, b.receipt_id, o.id, o.paid_amount, 0, o.owner_id, x.finance, o.created_at + interval '22 days'
FROM brc b JOIN bo o ON o.id = b.order_id, sctx x;

-- COM-1: per line, the line's share of the receipt at the plan rate (1.5 %), in the month received
INSERT INTO commission_accrual (company_id, salesperson_id, month, accrued_on, receipt_id, match_id, order_id, line_no,
                                share, plan_rate, reduction, rate, commission)
SELECT o.company_id, o.owner_id, date_trunc('month', b.received_on)::date, b.received_on, b.receipt_id, m.id, o.id, l,
       round(o.paid_amount / 10, 2), 0.015, 0, 0.015, round(o.paid_amount / 10 * 0.015, 2)
FROM brc b JOIN bo o ON o.id = b.order_id
JOIN receipt_match m ON m.company_id = o.company_id AND m.receipt_id = b.receipt_id,
generate_series(1, 10) l;

COMMIT;

VACUUM ANALYZE customer;
VACUUM ANALYZE sales_order;
VACUUM ANALYZE sales_order_line;
VACUUM ANALYZE receipt;
VACUUM ANALYZE receipt_match;
VACUUM ANALYZE commission_accrual;

SELECT (SELECT count(*) FROM sales_order_line) AS order_lines, (SELECT count(*) FROM sales_order) AS orders,
       (SELECT count(*) FROM commission_accrual) AS accruals, (SELECT count(*) FROM receipt) AS receipts;
