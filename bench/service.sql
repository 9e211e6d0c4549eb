-- Service-desk bench data (issue 11 "Speed"), on top of bench/generate.sql, run by bench/service.sh as the
-- superuser `postgres` (the owner: bypasses the company wall) from the repository root. Set-based
-- (generate_series), one transaction, refuses to run twice (marker: the category 压测知识).
--   :customers_total  the demo company's customers after the top-up (300,000): owned by bench01…bench40, one
--                     contact each with a unique mobile 14 + 9 digits, NAME and PHONE keys, one ownership period
--   :tickets          tickets over the three years before last week (1,000,000)
--   :week_tickets     tickets of last week, Monday to Sunday (50,000), the week SVC-9 analyses by default
--   :articles         knowledge articles (20,000), as decisions 0021 point 18 describes
-- Tickets: owners among the service desk's agents (SERVICE_AGENT, SHIFT_LEAD), each with its OWNER
-- ticket_assignee row and a fifth transferred (an ASSIGNEE row, the owner's stays); RECEIVED, PROMISED,
-- TRANSFERRED, RESOLVED and CLOSED events as the life requires; a third of the resolved tickets (every complaint,
-- and those resolved by someone else) have a return visit with one attempt.
\set ON_ERROR_STOP on

SELECT count(*) > 0 AS already FROM kb_category WHERE name = '压测知识' \gset
\if :already
  \echo 'service bench data already present: nothing to do'
  \quit
\endif
SELECT count(*) = 40 AS ok FROM app_user WHERE username LIKE 'bench__' \gset
\if :ok
\else
  \echo 'no bench data: bench/run.sh load first'
  \quit
\endif

BEGIN;
SELECT setseed(0.2026);

CREATE TEMP TABLE ctx AS
SELECT c.id AS company_id,
       (SELECT id FROM app_user WHERE company_id = c.id AND username = 'revisit') AS revisit,
       (SELECT id FROM app_user WHERE company_id = c.id AND username = 'editor') AS editor,
       (SELECT id FROM app_user WHERE company_id = c.id AND username = 'servicedir') AS director,
       (SELECT id FROM department WHERE company_id = c.id AND name = '业务部') AS sales_dept,
       -- the settings version a ticket received now reads (JdbcSettings.snapshotAt: the newest value in force)
       (SELECT coalesce(max(id), 0) FROM setting_value WHERE company_id = c.id AND effective_from <= now()) AS sv,
       -- last week's Monday in Asia/Shanghai, the week GET /api/service-analysis/weekly reads by default
       ((date_trunc('week', (now() AT TIME ZONE 'Asia/Shanghai'))::date - 7)::timestamp AT TIME ZONE 'Asia/Shanghai') AS week_start
FROM company c WHERE c.code = 'DEMO';

-- the service desk: whoever holds SERVICE_AGENT or SHIFT_LEAD (agent1, agent2, shiftlead in the demo data)
CREATE TEMP TABLE agent AS
  SELECT row_number() OVER (ORDER BY u.id) - 1 AS n, u.id, u.department_id
  FROM app_user u, ctx x
  WHERE u.company_id = x.company_id AND u.active AND EXISTS (
    SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id
    WHERE ur.user_id = u.id AND r.code IN ('SERVICE_AGENT', 'SHIFT_LEAD'));
DO $$ BEGIN
  IF (SELECT count(*) FROM agent) < 2 THEN RAISE EXCEPTION 'fewer than two service agents in the demo company'; END IF;
END $$;
CREATE TEMP TABLE seller AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, department_id FROM app_user WHERE username LIKE 'bench__';

-- ---- customers: top up to :customers_total
CREATE TEMP TABLE more AS
SELECT g AS k, s.id AS owner_id, s.department_id
FROM generate_series(0, greatest(0, :customers_total - (SELECT count(*) FROM customer c, ctx x WHERE c.company_id = x.company_id)) - 1) g
JOIN seller s ON s.n = g % 40;

INSERT INTO customer (company_id, name, city, address, source, stage, owner_id, department_id, product_category,
                      intention_on, created_by, created_at, credit_code)
SELECT x.company_id,
       (ARRAY['杭州','宁波','温州','绍兴','嘉兴','湖州','金华','台州','丽水','衢州'])[m.k % 10 + 1] ||
       (ARRAY['新','华','盛','祥','瑞','丰','隆','泰','鑫','源','汇','通','恒','达','宏','昌'])[(m.k / 10) % 16 + 1] ||
       (ARRAY['客','服','联','众','益','民','和','佳','美','康','乐','安'])[(m.k / 160) % 12 + 1] ||
       '便利店' || m.k,
       (ARRAY['杭州','宁波','温州','绍兴','嘉兴','湖州','金华','台州','丽水','衢州'])[m.k % 10 + 1],
       '服务压测路' || (m.k % 500 + 1) || '号', 'SELF',
       (ARRAY['INTENTION','FIRST_ORDER','ACTIVE','ACTIVE','DORMANT'])[m.k % 5 + 1],
       m.owner_id, m.department_id, '食品', (now() - (m.k % 900) * interval '1 day')::date, m.owner_id,
       now() - (m.k % 900) * interval '1 day',
       -- a unified social credit code 9144 + 13 digits of k with its GB 32100 check character (all digits: value = digit)
       cc.code17 || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', ((31 - cc.s % 31) % 31 + 1)::int, 1)
FROM more m CROSS JOIN ctx x
CROSS JOIN LATERAL (SELECT '9144' || lpad(m.k::text, 13, '0') AS code17) c17
CROSS JOIN LATERAL (SELECT c17.code17, sum(substr(c17.code17, i, 1)::int
                      * (ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])[i]) AS s
                    FROM generate_series(1, 17) i) cc
ORDER BY m.k;

CREATE TEMP TABLE made AS
  SELECT row_number() OVER (ORDER BY c.id) - 1 AS k, c.id, c.company_id, c.name, c.owner_id, c.created_at, c.credit_code
  FROM customer c, ctx x WHERE c.company_id = x.company_id AND c.address LIKE '服务压测路%';

INSERT INTO customer_contact (company_id, customer_id, name, phone, position)
SELECT company_id, id, '张' || (ARRAY['伟','芳','敏','静','强','磊'])[k % 6 + 1], '14' || lpad(k::text, 9, '0'), '老板'
FROM made;
INSERT INTO customer_key (company_id, kind, value, customer_id)
SELECT company_id, 'NAME', regexp_replace(lower(normalize(name, NFKC)), '[[:punct:][:space:]·（）【】「」]+', '', 'g'), id FROM made
UNION ALL
SELECT company_id, 'PHONE', '14' || lpad(k::text, 9, '0'), id FROM made
UNION ALL
SELECT company_id, 'CREDIT_CODE', credit_code, id FROM made;
INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason, recorded_by, recorded_at)
SELECT company_id, id, owner_id, created_at, 'FILED', owner_id, created_at FROM made;

-- ---- tickets: :tickets over the three years before last week, :week_tickets in last week
CREATE TEMP TABLE cust AS
  SELECT row_number() OVER (ORDER BY c.id) - 1 AS n, c.id, cc.name AS contact, cc.phone, c.name
  FROM customer c JOIN customer_contact cc ON cc.company_id = c.company_id AND cc.customer_id = c.id, ctx x
  WHERE c.company_id = x.company_id AND c.owner_id IS NOT NULL AND cc.phone <> '';
CREATE INDEX ON cust (n);
SELECT count(*) AS ncust FROM cust \gset

CREATE TEMP TABLE subj (type text, n int, s text);
INSERT INTO subj SELECT type, ord - 1, s FROM (VALUES
  ('INQUIRY', '订货时间咨询,价格政策咨询,新品上市时间,配送时间查询,积分规则咨询,货款结算方式,订货系统操作'),
  ('COMPLAINT', '送货延迟,货品破损,服务态度差,价格执行不一致,少送货,配送员未按时到达'),
  ('SPECIAL_REQUEST', '申请增加订货量,申请调整配送日,申请新品试销,申请上门服务'),
  ('INFO_CHANGE', '变更联系电话,变更经营地址,变更法人,变更收货人'),
  ('ORDER_SETTLEMENT', '货款未到账,扣款金额不符,发票开具问题'),
  ('ORDERING_FAULT', '订货系统无法登录,订单提交失败,手机订货页面报错'),
  ('SUGGESTION', '建议延长订货时间,建议增加品规,建议优化配送路线,建议开通微信订货')
) AS v(type, l) CROSS JOIN LATERAL unnest(string_to_array(l, ',')) WITH ORDINALITY AS u(s, ord);
CREATE TEMP TABLE subj_n AS SELECT type, count(*) AS cnt FROM subj GROUP BY type;

-- one row per ticket: its shape decided from g (deterministic mixes), its times from the week or the three years
CREATE TEMP TABLE t_plan AS
SELECT g,
       CASE WHEN g < :tickets
            THEN x.week_start - interval '1095 days' + (g::float8 / :tickets) * interval '1095 days'
            ELSE x.week_start + ((g - :tickets)::float8 / :week_tickets) * interval '7 days' END AS received_at,
       (ARRAY['INQUIRY','INQUIRY','INQUIRY','INQUIRY','COMPLAINT','COMPLAINT','SPECIAL_REQUEST','INFO_CHANGE',
              'ORDER_SETTLEMENT','ORDERING_FAULT','SUGGESTION','INQUIRY'])[(g * 7) % 12 + 1] AS type,
       (ARRAY['PHONE','PHONE','PHONE','PHONE','PHONE','ONLINE_FORM','ONLINE_CHAT','IN_PERSON','VISIT','ACCOUNT_MANAGER'])[(g * 3) % 10 + 1] AS channel,
       CASE WHEN g % 20 < 16 THEN 'CUSTOMER' WHEN g % 20 < 18 THEN 'PROSPECT' WHEN g % 20 = 18 THEN 'CONSUMER' ELSE 'EMPLOYEE' END AS requester_kind,
       (g * 7919) % :ncust AS cust_n,
       (g * 13) % (SELECT count(*) FROM agent) AS agent_n,
       (g * 31 + 5) % (SELECT count(*) FROM agent) AS other_n,
       g % 5 = 0 AS transferred,
       (g / 10) % 10 < 6 AS fcr,             -- independent of the state mix below (g % 10)
       (ARRAY[4, 8, 24, 48])[g % 4 + 1] AS limit_hours
FROM generate_series(0::bigint, :tickets + :week_tickets - 1) g, ctx x;

INSERT INTO ticket (company_id, number, channel, type, requester_kind, customer_id, requester_user_id, caller_name,
                    caller_phone, caller_origin, subject, description, state, owner_id, owner_department_id, received_at,
                    first_contact_resolution, promised_at, reply_limit_hours, severity, root_cause, resolution,
                    resolved_at, resolved_by, closed_at, created_by, settings_version)
SELECT x.company_id,
       'GD' || to_char(p.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || 'B' || lpad(p.g::text, 7, '0'),
       p.channel, p.type, p.requester_kind,
       CASE WHEN p.requester_kind = 'CUSTOMER' THEN c.id END,
       CASE WHEN p.requester_kind = 'EMPLOYEE' THEN s.id END,
       CASE WHEN p.requester_kind = 'EMPLOYEE' THEN '' ELSE c.contact END,
       CASE WHEN p.requester_kind IN ('CUSTOMER', 'PROSPECT', 'CONSUMER') THEN
         CASE WHEN p.requester_kind = 'CUSTOMER' THEN c.phone ELSE '15' || lpad(((p.g * 104729) % 1000000000)::text, 9, '0') END
         ELSE '' END,
       CASE WHEN p.requester_kind = 'PROSPECT' THEN (ARRAY['朋友介绍','网上搜索','路过门店'])[p.g % 3 + 1] ELSE '' END,
       su.s, su.s || '（压测工单）',
       st.state, a.id, a.department_id, p.received_at,
       p.fcr, CASE WHEN NOT p.fcr THEN p.received_at + p.limit_hours * interval '1 hour' END,
       p.limit_hours,
       CASE WHEN p.type = 'COMPLAINT' THEN (ARRAY['LOW','MEDIUM','MEDIUM','HIGH','CRITICAL'])[p.g % 5 + 1] END,
       NULL,
       CASE WHEN st.state <> 'OPEN' THEN '已答复客户：' || su.s ELSE '' END,
       CASE WHEN st.state <> 'OPEN' THEN st.resolved_at END,
       CASE WHEN st.state <> 'OPEN' THEN CASE WHEN p.transferred THEN o.id ELSE a.id END END,
       CASE WHEN st.state = 'CLOSED' THEN least(now(), st.resolved_at + interval '2 days') END,
       a.id, x.sv
FROM t_plan p CROSS JOIN ctx x
JOIN agent a ON a.n = p.agent_n
JOIN agent o ON o.n = p.other_n
JOIN cust c ON c.n = p.cust_n
JOIN seller s ON s.n = p.g % 40
JOIN subj_n sn ON sn.type = p.type
JOIN subj su ON su.type = p.type AND su.n = p.g % sn.cnt
CROSS JOIN LATERAL (
  SELECT least(now(), CASE WHEN p.fcr THEN p.received_at + interval '10 minutes'
              ELSE p.received_at + (p.limit_hours * (0.3 + (p.g % 7) * 0.1)) * interval '1 hour' END) AS resolved_at,
         -- older than two weeks: nearly all closed; since: a mix with open and resolved ones (a question answered at
         -- first contact is resolved at once: never open)
         CASE WHEN p.received_at < x.week_start - interval '14 days'
              THEN CASE WHEN p.g % 100 = 0 THEN 'RESOLVED' ELSE 'CLOSED' END
              WHEN p.fcr AND p.g % 10 < 2 THEN 'RESOLVED'
              ELSE (ARRAY['OPEN','OPEN','RESOLVED','RESOLVED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED'])[p.g % 10 + 1] END AS state
) st
ORDER BY p.g;

CREATE TEMP TABLE made_t AS
  SELECT t.id, t.company_id, t.owner_id, t.owner_department_id, t.received_at, t.state, t.type, t.first_contact_resolution,
         t.promised_at, t.resolved_at, t.resolved_by, t.closed_at, t.customer_id, t.caller_name, t.caller_phone,
         substring(t.number FROM 12)::bigint AS g
  FROM ticket t, ctx x WHERE t.company_id = x.company_id AND t.number ~ '^GD[0-9]{8}B';
CREATE INDEX ON made_t (g);

INSERT INTO ticket_assignee (company_id, ticket_id, role, user_id, department_id, active, assigned_by, assigned_at)
SELECT company_id, id, 'OWNER', owner_id, owner_department_id, true, owner_id, received_at FROM made_t;
INSERT INTO ticket_assignee (company_id, ticket_id, role, user_id, department_id, active, assigned_by, assigned_at, note)
SELECT t.company_id, t.id, 'ASSIGNEE', o.id, o.department_id, t.state = 'OPEN', t.owner_id, t.received_at + interval '5 minutes', '转交处理'
FROM made_t t JOIN t_plan p ON p.g = t.g JOIN agent o ON o.n = p.other_n
WHERE p.transferred;

INSERT INTO ticket_event (company_id, ticket_id, at, actor_id, kind, note, detail)
SELECT company_id, id, received_at, owner_id, 'RECEIVED', '', '{}' FROM made_t
UNION ALL
SELECT company_id, id, received_at + interval '1 minute', owner_id,
       CASE WHEN first_contact_resolution THEN 'ANSWERED' ELSE 'PROMISED' END, '',
       CASE WHEN first_contact_resolution THEN '{}'::jsonb ELSE jsonb_build_object('promisedAt', promised_at) END
FROM made_t
UNION ALL
SELECT t.company_id, t.id, t.received_at + interval '5 minutes', t.owner_id, 'TRANSFERRED', '转交处理',
       jsonb_build_object('toUserId', p_o.id)
FROM made_t t JOIN t_plan p ON p.g = t.g JOIN agent p_o ON p_o.n = p.other_n WHERE p.transferred
UNION ALL
SELECT company_id, id, resolved_at, resolved_by, 'RESOLVED', '', '{}' FROM made_t WHERE state <> 'OPEN'
UNION ALL
SELECT company_id, id, closed_at, NULL, 'CLOSED', '', '{}' FROM made_t WHERE state = 'CLOSED';

-- return visits: every complaint and every ticket resolved by someone other than its owner, once resolved; due two
-- days after the resolution; closed ones (all but the most recent) with the outcome and one attempt
CREATE TEMP TABLE visit_plan AS
SELECT t.*, t.resolved_at + interval '1 day' AS due_at,
       CASE WHEN t.resolved_at + interval '1 day' >= now() - interval '1 day' OR t.g % 17 = 0 THEN 'DUE'
            WHEN t.g % 13 = 0 THEN 'UNREACHABLE'
            WHEN t.g % 9 = 0 THEN 'NOT_SOLVED' ELSE 'SOLVED' END AS vstate
FROM made_t t
WHERE t.state <> 'OPEN' AND (t.type = 'COMPLAINT' OR t.resolved_by <> t.owner_id OR t.g % 6 = 1);

INSERT INTO return_visit (company_id, ticket_id, customer_id, contact_name, contact_phone, reason, due_at, state, attempts,
                          solved, satisfaction, feedback, assigned_to, closed_at, closed_by, created_at)
SELECT v.company_id, v.id, v.customer_id, v.caller_name, v.caller_phone,
       CASE WHEN v.type = 'COMPLAINT' THEN 'COMPLAINT' ELSE 'RESOLVED_BY_OTHER' END,
       v.due_at, v.vstate, CASE WHEN v.vstate = 'DUE' THEN 0 ELSE 1 END,
       CASE v.vstate WHEN 'SOLVED' THEN true WHEN 'NOT_SOLVED' THEN false END,
       CASE WHEN v.vstate IN ('SOLVED', 'NOT_SOLVED') THEN
         CASE WHEN v.vstate = 'NOT_SOLVED' THEN 1 + v.g % 3 ELSE (ARRAY[5, 5, 4, 4, 4, 3, 5, 2])[v.g % 8 + 1] END END,
       CASE WHEN v.vstate = 'NOT_SOLVED' THEN '问题仍未解决' WHEN v.g % 11 = 0 THEN '希望送货更准时' ELSE '' END,
       x.revisit,
       CASE WHEN v.vstate <> 'DUE' THEN v.due_at + (v.g % 20) * interval '1 hour' END,
       CASE WHEN v.vstate <> 'DUE' THEN x.revisit END,
       v.resolved_at
FROM visit_plan v, ctx x;

INSERT INTO return_visit_attempt (company_id, visit_id, at, by_user_id, outcome, note)
SELECT r.company_id, r.id, r.closed_at, r.closed_by, CASE WHEN r.state = 'UNREACHABLE' THEN 'NO_ANSWER' ELSE 'REACHED' END, ''
FROM return_visit r, ctx x WHERE r.company_id = x.company_id AND r.closed_at IS NOT NULL
  AND r.ticket_id IN (SELECT id FROM made_t);

-- ---- knowledge base: :articles articles (decisions 0021 point 18): ≈ 230 Chinese characters each, 90 % published,
-- one in seven expired, half contain 客户, a third 卷烟订货, the rest random CJK characters
INSERT INTO kb_category (company_id, name, sort_order) SELECT company_id, '压测知识', 900 FROM ctx;
INSERT INTO kb_category (company_id, name, sort_order)
SELECT x.company_id, '压测知识' || g, 900 + g FROM ctx x, generate_series(1, 9) g;
CREATE TEMP TABLE kcat AS
  SELECT row_number() OVER (ORDER BY k.id) - 1 AS n, k.id FROM kb_category k, ctx x
  WHERE k.company_id = x.company_id AND k.name LIKE '压测知识%';

CREATE TEMP TABLE art AS
SELECT g,
       (SELECT string_agg(chr(19968 + ((hashint8(g * 1000 + i) % 6000) + 6000) % 6000), '') FROM generate_series(1, 12) i) AS title_noise,
       (SELECT string_agg(chr(19968 + ((hashint8(g * 1000 + 500 + i) % 6000) + 6000) % 6000), '') FROM generate_series(1, 200) i) AS body_noise
FROM generate_series(0, :articles - 1) g;

INSERT INTO kb_article (company_id, category_id, kind, title, body, state, notice_text, issuing_department_id, effective_from,
                        effective_until, revision, received_by, received_at, read_by, read_at, drafted_by, drafted_at,
                        confirmed_by, published_at, withdrawn_at)
SELECT x.company_id, k.id, (ARRAY['BUSINESS_RULE','PRICE_POLICY','GENERAL','SCRIPT'])[a.g % 4 + 1],
       '压测口径' || a.g || left(a.title_noise, 8),
       CASE WHEN a.g % 2 = 0 THEN '客户来电时，' ELSE '' END || CASE WHEN a.g % 3 = 0 THEN '关于卷烟订货的规定：' ELSE '' END
         || a.body_noise || '。如有疑问请联系服务热线。',
       st.state, '业务通知单第' || a.g || '号', x.sales_dept,
       (x.week_start - (a.g % 700) * interval '1 day')::date,
       CASE WHEN a.g % 7 = 3 THEN (x.week_start - (a.g % 700) * interval '1 day' + interval '30 days')::date
            WHEN a.g % 7 = 5 THEN (x.week_start + interval '400 days')::date END,
       1, x.editor, st.at, x.editor, st.at + interval '1 hour', x.editor, st.at + interval '2 hours',
       CASE WHEN st.state IN ('PUBLISHED', 'WITHDRAWN') THEN x.director END,
       CASE WHEN st.state IN ('PUBLISHED', 'WITHDRAWN') THEN st.at + interval '1 day' END,
       CASE WHEN st.state = 'WITHDRAWN' THEN st.at + interval '60 days' END
FROM art a CROSS JOIN ctx x
JOIN kcat k ON k.n = a.g % 10
CROSS JOIN LATERAL (SELECT CASE WHEN a.g % 10 < 9 THEN 'PUBLISHED' WHEN a.g % 20 = 9 THEN 'DRAFTED' ELSE 'WITHDRAWN' END AS state,
                           x.week_start - (a.g % 700) * interval '1 day' - interval '3 days' AS at) st
ORDER BY a.g;

CREATE TEMP TABLE made_a AS
  SELECT a.* FROM kb_article a JOIN kcat k ON k.id = a.category_id;
INSERT INTO kb_article_version (company_id, article_id, revision, title, body, drafted_by, drafted_at)
SELECT company_id, id, 1, title, body, drafted_by, drafted_at FROM made_a;
INSERT INTO kb_article_log (company_id, article_id, action, revision, at, actor_id)
SELECT company_id, id, 'RECEIVED', 0, received_at, received_by FROM made_a
UNION ALL SELECT company_id, id, 'READ', 0, read_at, read_by FROM made_a
UNION ALL SELECT company_id, id, 'DRAFTED', 1, drafted_at, drafted_by FROM made_a
UNION ALL SELECT company_id, id, 'PUBLISHED', 1, published_at, confirmed_by FROM made_a WHERE published_at IS NOT NULL
UNION ALL SELECT company_id, id, 'WITHDRAWN', 1, withdrawn_at, confirmed_by FROM made_a WHERE withdrawn_at IS NOT NULL;

COMMIT;

VACUUM ANALYZE customer;
VACUUM ANALYZE customer_contact;
VACUUM ANALYZE customer_key;
VACUUM ANALYZE ticket;
VACUUM ANALYZE ticket_assignee;
VACUUM ANALYZE ticket_event;
VACUUM ANALYZE return_visit;
VACUUM ANALYZE return_visit_attempt;
VACUUM ANALYZE kb_article;

SELECT (SELECT count(*) FROM customer) AS customers, (SELECT count(*) FROM ticket) AS tickets,
       (SELECT count(*) FROM ticket_event) AS ticket_events, (SELECT count(*) FROM return_visit) AS return_visits,
       (SELECT count(*) FROM kb_article) AS articles;
