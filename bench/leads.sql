-- :n new unassigned leads (stage LEAD, no owner) in 业务部's pool, as the network-promotion specialist enters
-- them: one contact with a unique mobile (14 + the customer id), NAME and PHONE keys as CustomerKeys computes them.
-- Called by generate.sql (4,000) and by run.sh to refill the pool before each distribution run.
\set ON_ERROR_STOP on
CREATE SEQUENCE IF NOT EXISTS bench_lead_no;
WITH x AS (
  SELECT c.id AS company_id,
         (SELECT id FROM department WHERE company_id = c.id AND name = '业务部') AS dept,
         (SELECT id FROM app_user WHERE username = 'promoter') AS promoter
  FROM company c WHERE c.code = 'DEMO'),
src AS (
  SELECT g, (SELECT array_agg(DISTINCT city) FROM customer) AS cities FROM generate_series(1, :n) g),
ins AS (
  INSERT INTO customer (company_id, name, city, source, stage, department_id, product_category, created_by)
  SELECT x.company_id,
         city || substr('恒华鑫盛泰达宏兴隆昌永佳瑞祥丰源', g % 17 + 1, 1) || substr('达通源泰盛祥瑞丰昌兴华隆成发', g % 15 + 1, 1)
           || (ARRAY['商贸', '食品', '酒业', '日用品', '超市', '便利店'])[g % 6 + 1] || '网店' || nextval('bench_lead_no'),
         city, 'ONLINE', 'LEAD', x.dept, (ARRAY['酒水', '食品', '日化', '家电', '建材', '办公用品'])[g % 6 + 1], x.promoter
  FROM x, src, LATERAL (SELECT cities[g % array_length(cities, 1) + 1] AS city) c
  RETURNING id, company_id, name),
keys AS (
  INSERT INTO customer_key (company_id, kind, value, customer_id)
  SELECT company_id, 'NAME', regexp_replace(lower(normalize(name, NFKC)), '[[:punct:][:space:]·（）【】「」]+', '', 'g'), id FROM ins
  UNION ALL
  SELECT company_id, 'PHONE', '14' || lpad(id::text, 9, '0'), id FROM ins)
INSERT INTO customer_contact (company_id, customer_id, name, phone, position)
SELECT company_id, id, '联系人', '14' || lpad(id::text, 9, '0'), '老板' FROM ins;
