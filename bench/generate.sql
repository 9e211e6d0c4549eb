-- Bench data for the demo company 演示公司 (run by bench/run.sh as the superuser `postgres`, which bypasses the
-- company wall, from the repository root so that \copy finds the city list):
--   40 salespeople (bench01 … bench40, password Yewu@2026) in 业务一组 / 业务二组,
--   196,000 owned customers (~4,900 each, one contact with a unique mobile, NAME and PHONE keys, one open
--   ownership period), 4,000 unassigned leads in 业务部's pool (bench/leads.sql), 1,000,000 follow-ups.
-- Everything is set-based (generate_series) in one transaction; the script refuses to run twice.
\set ON_ERROR_STOP on
\set owned 196000
\set followups 1000000

SELECT count(*) > 0 AS already FROM app_user WHERE username = 'bench01' \gset
\if :already
  \echo 'bench data already present: nothing to do'
  \quit
\endif

BEGIN;

-- cities.txt: one province per comment line, its cities on the next line separated by spaces
CREATE TEMP TABLE city_line (line text);
\copy city_line FROM 'src/main/resources/customer/cities.txt'
CREATE TEMP TABLE city AS
  SELECT row_number() OVER () - 1 AS n, c AS name
  FROM city_line, unnest(string_to_array(trim(line), ' ')) AS c
  WHERE line NOT LIKE '#%' AND trim(line) <> '' AND c <> '';

CREATE TEMP TABLE part (kind text, n int, txt text);
INSERT INTO part SELECT kind, ord - 1, txt FROM (VALUES
  ('b1', '恒华鑫盛泰达宏兴隆昌永佳瑞祥丰源安富德正新金海天福康顺利晟博远信诚汇通锦宝嘉和联'),
  ('b2', '达通源泰盛祥瑞丰昌兴华隆成发鑫宇航业茂升辉荣美佳德润邦创联信旺腾飞宁广益恒安康福'),
  ('ind', '贸易,商贸,食品,电子,科技,建材,五金,物流,餐饮,酒业,医药,服饰,家居,农业,机械,化工,包装,印刷,汽配,日用品,文具,茶业,水产,粮油,酒店'),
  ('suf', '有限公司,商行,经营部,股份有限公司'),
  ('sur', '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'),
  ('giv', '伟,芳,娜,秀英,敏,静,丽,强,磊,军,洋,勇,艳,杰,娟,涛,明,超,秀兰,霞,平,刚,桂英,建华,志强,海燕,晓东,春梅,国庆,文博'),
  ('cat', '酒水,食品,日化,家电,建材,办公用品')
) AS v(kind, s)
CROSS JOIN LATERAL unnest(CASE WHEN s LIKE '%,%' THEN string_to_array(s, ',') ELSE regexp_split_to_array(s, '') END)
  WITH ORDINALITY AS u(txt, ord);

-- the name parts must be distinct, or the mixed-radix numbering below would repeat names
DO $$ BEGIN
  IF (SELECT array_agg(n ORDER BY kind) FROM (SELECT kind, count(DISTINCT txt) AS n FROM part GROUP BY kind) k)
     <> ARRAY[40, 40, 6, 30, 25, 4, 50]::bigint[] THEN  -- b1, b2, cat, giv, ind, suf, sur
    RAISE EXCEPTION 'name part lists changed: adjust the radices';
  END IF;
END $$;

CREATE TEMP TABLE ctx AS
SELECT c.id AS company_id,
       (SELECT id FROM department WHERE company_id = c.id AND name = '业务部') AS dept,
       (SELECT id FROM department WHERE company_id = c.id AND name = '业务一组') AS team1,
       (SELECT id FROM department WHERE company_id = c.id AND name = '业务二组') AS team2,
       (SELECT id FROM app_user WHERE username = 'promoter') AS promoter,
       (SELECT password_hash FROM app_user WHERE username = 'admin') AS hash,
       (SELECT id FROM role WHERE company_id = c.id AND code = 'SALESPERSON') AS role_id,
       (SELECT count(*) FROM city) AS ncity
FROM company c WHERE c.code = 'DEMO';

-- 40 salespeople, alternating between the two teams
INSERT INTO app_user (company_id, username, password_hash, display_name, department_id)
SELECT x.company_id, 'bench' || lpad(g::text, 2, '0'), x.hash,
       (SELECT txt FROM part WHERE kind = 'sur' AND n = (g * 7) % 50) ||
       (SELECT txt FROM part WHERE kind = 'giv' AND n = (g * 11) % 30) || g,
       CASE WHEN g % 2 = 1 THEN x.team1 ELSE x.team2 END
FROM ctx x, generate_series(1, 40) g;
INSERT INTO user_role (company_id, user_id, role_id)
SELECT x.company_id, u.id, x.role_id FROM ctx x JOIN app_user u ON u.username LIKE 'bench__';
INSERT INTO sales_profile (company_id, user_id, skills)
SELECT x.company_id, u.id, ARRAY[(SELECT txt FROM part WHERE kind = 'cat' AND n = u.id % 6)]
FROM ctx x JOIN app_user u ON u.username LIKE 'bench__';
CREATE TEMP TABLE seller AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM app_user WHERE username LIKE 'bench__';

-- i -> a unique name: a multiplicative permutation of i over the mixed radix (b1, b2, ind, suf, city), so names
-- are distinct and the parts well spread. 40*40*25*4*ncity (~16 M) far exceeds 200 k; 7919 is prime.
CREATE TEMP TABLE gen AS
SELECT i, p % 40 AS b1, (p / 40) % 40 AS b2, (p / 1600) % 25 AS ind, (p / 40000) % 4 AS suf,
       (p / 160000) % x.ncity AS city
FROM ctx x, generate_series(0, :owned - 1) i,
     LATERAL (SELECT (i::bigint * 7919) % (160000 * x.ncity) AS p) q;

INSERT INTO customer (company_id, name, city, address, source, stage, owner_id, department_id, product_category,
                      intention_on, assigned_at, first_contact_due, first_contacted_at, created_by, created_at)
SELECT x.company_id, c.name || b1.txt || b2.txt || ind.txt || suf.txt, c.name, c.name || '市' || (g.i % 97 + 1) || '号',
       CASE WHEN assigned THEN 'ONLINE' ELSE 'SELF' END,
       (ARRAY['INTENTION','INTENTION','INTENTION','INTENTION','FIRST_ORDER','FIRST_ORDER','ACTIVE','ACTIVE','ACTIVE','DORMANT'])[g.i % 10 + 1],
       s.id, CASE WHEN s.n % 2 = 0 THEN x.team1 ELSE x.team2 END,
       (SELECT txt FROM part WHERE kind = 'cat' AND n = g.i % 6),
       t.created::date,
       CASE WHEN assigned THEN t.created END,
       CASE WHEN assigned THEN t.created + interval '3 days' END,
       CASE WHEN assigned THEN t.created + interval '1 day' END,
       s.id, t.created
FROM ctx x CROSS JOIN gen g
CROSS JOIN LATERAL (SELECT g.i % 3 = 0 AS assigned,  -- a third came from the pool (网络信息), the rest self-found
                           now() - (g.i % 700) * interval '1 day' - (g.i % 86400) * interval '1 second' AS created) t
JOIN city c ON c.n = g.city
JOIN part b1 ON b1.kind = 'b1' AND b1.n = g.b1
JOIN part b2 ON b2.kind = 'b2' AND b2.n = g.b2
JOIN part ind ON ind.kind = 'ind' AND ind.n = g.ind
JOIN part suf ON suf.kind = 'suf' AND suf.n = g.suf
JOIN seller s ON s.n = g.i % 40
ORDER BY g.i;

-- numbering of this run's customers in insertion order: the mobile of customer k is 13 + k zero-padded to 9 digits
CREATE TEMP TABLE made AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, company_id, name, owner_id, created_at, assigned_at
  FROM customer WHERE company_id = (SELECT company_id FROM ctx)
    AND owner_id IN (SELECT id FROM seller);
CREATE INDEX ON made (k);

INSERT INTO customer_contact (company_id, customer_id, name, phone, position)
SELECT m.company_id, m.id, sur.txt || giv.txt, '13' || lpad(m.k::text, 9, '0'),
       (ARRAY['老板','采购','店长','财务'])[m.k % 4 + 1]
FROM made m
JOIN part sur ON sur.kind = 'sur' AND sur.n = m.k % 50
JOIN part giv ON giv.kind = 'giv' AND giv.n = (m.k / 50) % 30;

-- the keys exactly as CustomerKeys computes them: NAME = NFKC, lower-case, punctuation and space removed
-- (the generated names have none, the expression is here for fidelity); PHONE = the digits
INSERT INTO customer_key (company_id, kind, value, customer_id)
SELECT company_id, 'NAME', regexp_replace(lower(normalize(name, NFKC)), '[[:punct:][:space:]·（）【】「」]+', '', 'g'), id
FROM made
UNION ALL
SELECT company_id, 'PHONE', '13' || lpad(k::text, 9, '0'), id FROM made;

INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason, recorded_by, recorded_at)
SELECT company_id, id, owner_id, coalesce(assigned_at, created_at),
       CASE WHEN assigned_at IS NULL THEN 'FILED' ELSE 'ASSIGNED' END, owner_id, created_at
FROM made WHERE owner_id IS NOT NULL;

-- 1,000,000 follow-ups over the owned customers (5 or 6 each), written by the owner
CREATE TEMP TABLE owned AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS r, id, company_id, owner_id, created_at FROM made WHERE owner_id IS NOT NULL;
CREATE INDEX ON owned (r);
INSERT INTO follow_up (company_id, customer_id, author_id, kind, happened_at, content, next_step, next_follow_up_on, created_at)
SELECT o.company_id, o.id, o.owner_id, (ARRAY['PHONE','VISIT','MESSAGE','MEETING'])[g % 4 + 1],
       least(now(), o.created_at + (g / :owned + 1) * interval '9 days' + (g % 3600) * interval '1 second'),
       (ARRAY['电话沟通了进货需求','上门拜访，店内陈列良好','微信发送了新品价目表','约见老板商谈年度合作','回访上次订单的使用情况'])[g % 5 + 1],
       CASE WHEN g % 2 = 0 THEN '下周再联系' ELSE '' END,
       CASE WHEN g % 4 = 0 THEN (o.created_at + (g / :owned + 2) * interval '9 days')::date END,
       least(now(), o.created_at + (g / :owned + 1) * interval '9 days')
FROM generate_series(0, :followups - 1) g
JOIN owned o ON o.r = g % :owned;

UPDATE customer c SET last_follow_up_at = f.last
FROM (SELECT customer_id, max(happened_at) AS last FROM follow_up WHERE customer_id IN (SELECT id FROM owned)
      GROUP BY customer_id) f
WHERE c.id = f.customer_id;

-- the pool: 4,000 leads
\set n 4000
\ir leads.sql

COMMIT;

VACUUM ANALYZE customer;
VACUUM ANALYZE customer_key;
VACUUM ANALYZE customer_contact;
VACUUM ANALYZE customer_ownership;
VACUUM ANALYZE follow_up;
VACUUM ANALYZE app_user;

-- The duplicate check has a per-user quota against probing (CUS-16); the benchmark's thousands of checks by one user
-- are load, not probing: lift the quota for the demo company, as an administrator would in the settings page.
INSERT INTO setting_value (company_id, key, value, effective_from)
SELECT c.id, k.key, '1000000000', now() - interval '1 day'
FROM company c, (VALUES ('customer.duplicate-check.per-minute'), ('customer.duplicate-check.per-day')) AS k(key)
WHERE c.code = 'DEMO'
ON CONFLICT DO NOTHING;

SELECT (SELECT count(*) FROM customer) AS customers,
       (SELECT count(*) FROM customer WHERE owner_id IS NULL AND stage = 'LEAD') AS pooled_leads,
       (SELECT count(*) FROM customer_key) AS keys,
       (SELECT count(*) FROM customer_ownership) AS ownership_periods,
       (SELECT count(*) FROM follow_up) AS follow_ups;
