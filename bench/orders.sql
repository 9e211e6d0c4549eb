-- Order-intake bench data (issue 10 "Speed"), on top of generate.sql's 200,000 customers, for the demo company:
--   5,000 products (4,500 standard cables and wires with a guide price, 300 custom, 200 harnesses) and one
--   approved guide price list in force, so an order line can be priced and checked (PRC-2 … PRC-7).
-- Run by bench/orders.sh as the superuser `postgres` (bypasses the company wall); refuses to run twice.
\set ON_ERROR_STOP on
\set products 5000

SELECT count(*) > 0 AS already FROM product WHERE code = 'BP00001' \gset
\if :already
  \echo 'order bench data already present: nothing to do'
  \quit
\endif

BEGIN;

CREATE TEMP TABLE octx AS
SELECT c.id AS company_id,
       (SELECT id FROM app_user WHERE company_id = c.id AND username = 'mktdir') AS maker,
       (SELECT id FROM app_user WHERE company_id = c.id AND username = 'gm') AS approver
FROM company c WHERE c.code = 'DEMO';

INSERT INTO product (company_id, code, name, kind, unit, created_by)
SELECT o.company_id, 'BP' || lpad(g::text, 5, '0'),
       (ARRAY['BV', 'BVR', 'RVV', 'YJV', 'KVV', 'RVVP', 'YJLV', 'BVVB'])[g % 8 + 1] || ' '
         || (ARRAY['1.5', '2.5', '4', '6', '10', '16', '25', '35', '50', '70'])[(g / 8) % 10 + 1] || 'mm² '
         || CASE WHEN g > 4700 THEN '线束' WHEN g > 4500 THEN '定制' ELSE '电缆' END || ' #' || g,
       CASE WHEN g > 4700 THEN 'HARNESS' WHEN g > 4500 THEN 'CUSTOM' ELSE 'STANDARD' END,
       CASE WHEN g > 4700 THEN '套' ELSE '米' END, o.maker
FROM octx o, generate_series(1, :products) g;

INSERT INTO price_list (company_id, name, effective_from, status, created_by, submitted_at, decided_at)
SELECT company_id, '基准测试指导价', DATE '2026-01-01', 'APPROVED', maker, now() - interval '30 days', now() - interval '29 days'
FROM octx;

-- guide prices from 1.20 to about 480 yuan a metre, two decimals
INSERT INTO price_list_line (company_id, price_list_id, product_id, guide_price)
SELECT p.company_id, (SELECT max(id) FROM price_list WHERE company_id = p.company_id AND name = '基准测试指导价'),
       p.id, round((1.2 + (hashtext(p.code) & 65535) / 137.0)::numeric, 2)
FROM product p JOIN octx o ON o.company_id = p.company_id
WHERE p.code LIKE 'BP%' AND p.kind = 'STANDARD';

COMMIT;

VACUUM ANALYZE product;
VACUUM ANALYZE price_list_line;

SELECT (SELECT count(*) FROM product WHERE code LIKE 'BP%') AS products,
       (SELECT count(*) FROM price_list_line) AS guide_prices,
       (SELECT count(*) FROM customer) AS customers;
