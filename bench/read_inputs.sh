#!/usr/bin/env bash
# Writes the inputs of the read measurements (bench/run.sh calls it): for each read, the request paths wrk asks
# (<kind>.paths) and pgbench scripts with the SELECTs Yewu issues for that request (pgb/<kind>.<n>.sql), the same
# customers, names and pages for both; for the detail and the duplicate check also the work as Yewu sends it
# (pgb/<kind>-as-sent.<n>.sql: the detail's SELECTs in one pipeline, the duplicate check with its quota, a search
# and the manager's list planned for their values every time). The SQL mirrors CustomerQueries, CustomerAccess, DataScope and
# CustomerFiling.matches with the reader's scope written in (salesperson bench01: own files; manager: 业务部 and below).
#   bench/read_inputs.sh HITS_FILE OUT_DIR COMPANY_ID SELLER_ID MANAGER_ID     (HITS_FILE: id|name|phone|city per line)
set -euo pipefail
hits=$1 out=$2 company=$3 seller=$4 manager=$5
mkdir -p "$out/pgb"
rm -f "$out"/*.paths "$out"/pgb/*.sql
dept_path=$(psql -Atq -c "SELECT d.path FROM app_user u JOIN department d ON d.id = u.department_id WHERE u.id = $manager")
esc() { printf '%s' "${1//\'/\'\'}"; }

# (literals that meet a GiST exclusion index are typed bigint, as the application's parameters are: an integer
# literal would not match its operator class)
# the reader's scope as CustomerAccess writes it (inScopeSql)
sales_scope="((c.company_id = $company AND c.owner_id = $seller) OR (c.company_id = $company AND c.owner_id IS NULL AND (FALSE)))"
manager_scope="((c.company_id = $company AND c.owner_id IN (SELECT su.id FROM app_user su JOIN department sd ON sd.id = su.department_id
    WHERE su.company_id = $company AND starts_with(sd.path, '$dept_path'))) OR (c.company_id = $company AND c.owner_id IS NULL
    AND (c.department_id IN (SELECT id FROM department WHERE company_id = $company AND starts_with(path, '$dept_path')) OR c.created_by = $manager)))"
# the owners whose files each reader may see (DataScope's owners, as CustomerAccess.ownersSql writes them)
sales_owners="ARRAY[CAST($seller AS bigint)]"
manager_owners="ARRAY(SELECT su.id FROM app_user su JOIN department sd ON sd.id = su.department_id WHERE su.company_id = $company AND starts_with(sd.path, '$dept_path'))"
row_select() { cat <<SQL
SELECT c.id, c.name, c.city, c.stage, c.source, c.owner_id, u.display_name AS owner_name, c.key_account,
       (SELECT cc.phone FROM customer_contact cc WHERE cc.company_id = c.company_id AND cc.customer_id = c.id
          AND cc.phone <> '' ORDER BY cc.id LIMIT 1) AS phone, c.last_follow_up_at, c.created_at, $1 AS in_scope
SQL
}

# a page as CustomerQueries.pageSql writes it: the page's ids, then its rows (decision 0045); outside the pool every row
# shown is in the reader's scope, so in_scope is TRUE
page_select() { # from-where offset
  echo "$(row_select TRUE) FROM (SELECT c.id $1 ORDER BY c.id DESC LIMIT 20 OFFSET $2) shown JOIN customer c ON c.id = shown.id
    LEFT JOIN app_user u ON u.id = c.owner_id ORDER BY c.id DESC;" | tr '\n' ' '; echo
}

# list pages: stage INTENTION, page 0–49 of 20, each with its capped count from one ordered walk as
# CustomerQueries.walkedPageSql writes it (decision 0052: the files in the page's order, numbered, up to one past the
# count's cap; the page is the numbers after the offset)
list_script() { # scope
  local from=" FROM customer c WHERE $1 AND c.stage = 'INTENTION'"
  echo '\set off random(0, 49) * 20'
  echo '\set last :off + 20'
  echo "WITH walked AS MATERIALIZED (SELECT c.id, row_number() OVER (ORDER BY c.id DESC) AS n $from ORDER BY c.id DESC
    LIMIT 1001) $(row_select TRUE), (SELECT count(*) FROM walked) AS walked_count FROM walked shown
    JOIN customer c ON c.id = shown.id LEFT JOIN app_user u ON u.id = c.owner_id
    WHERE shown.n > :off AND shown.n <= :last ORDER BY shown.n;" | tr '\n' ' '; echo
}
list_script "$sales_scope" >"$out/pgb/list-sales.1.sql"
list_script "$manager_scope" >"$out/pgb/list-manager.1.sql"
# as sent: PostgreSQL plans the manager's walk for its values on every call (its generic plan, with the stage and the
# department path unknown, is 20–60 times slower: decision 0052), so the second reference plans it every time too
# (run.sh runs it with -M extended); the salesperson's walk keeps a generic plan in Yewu, so it has no second one
cp "$out/pgb/list-manager.1.sql" "$out/pgb/list-manager-as-sent.1.sql"
for p in $(seq 0 49); do echo "/api/customers?stage=INTENTION&size=20&page=$p"; done >"$out/list-sales.paths"
cp "$out/list-sales.paths" "$out/list-manager.paths"

search_script() { # scope owners text
  local t; t=$(esc "$3")
  local like; like=$(esc "%$3%")
  # the name condition as NameSearch writes it. Direct: the condition itself. Definer (SEARCH_PATH=definer, decision
  # 0038; run it against an app on the DEFINER path, e.g. after `bench/run.sh leakproof off`): the function's
  # candidates among the reader's owners (up to 2,001), then the search over them as an array (its ids written here
  # as the app passes them), and when they reached their cap the page (and the count, unless the candidates tell
  # "more than 1,000") by the plain condition
  local cond="c.name_grams @> yewu_bigrams('$t') AND c.name ILIKE '$like'" plain complete=1
  plain=$cond
  if [ "${SEARCH_PATH:-direct}" = definer ]; then
    local call="customer_name_matches('$t', '$like', 2001, $2)" ids
    echo "SELECT $call;"
    ids=$(PGOPTIONS="-c yewu.company_id=$company" psql -Atq -c "SELECT coalesce(array_agg(id), '{}') FROM (SELECT $call AS id) m")
    local count; count=$(echo "$ids" | tr -cd ',' | wc -c); [ "$ids" = '{}' ] || count=$((count + 1))
    [ "$count" -le 2000 ] || { complete=0; ids="{$(echo "$ids" | tr -d '{}' | cut -d, -f1-2000)}"; }
    cond="c.id = ANY('$ids'::bigint[])"
  fi
  local from=" FROM customer c WHERE $1 AND $cond"
  # CustomerQueries.searchPageSql: the matches (up to 1,001) found once, counted and paged in one statement; past
  # 1,000 matches the ordered page follows (the count is known), as in the application
  echo "WITH matched AS MATERIALIZED (SELECT c.id, c.city, c.created_at, c.last_follow_up_at, c.name, c.stage $from LIMIT 1001)
    $(row_select TRUE), (SELECT count(*) FROM matched) AS matched_count FROM (SELECT c.id FROM matched c ORDER BY c.id DESC
    LIMIT 20 OFFSET 0) shown JOIN customer c ON c.id = shown.id LEFT JOIN app_user u ON u.id = c.owner_id
    ORDER BY c.id DESC;" | tr '\n' ' '; echo
  local n; n=$(PGOPTIONS="-c yewu.company_id=$company" psql -Atq -c "SELECT count(*) FROM (SELECT 1 $from LIMIT 1001) m")
  [ "$n" -le 1000 ] && [ "$complete" = 1 ] && return
  page_select " FROM customer c WHERE $1 AND $plain" 0
  [ "$n" -le 1000 ] && echo "SELECT count(*) FROM (SELECT 1 FROM customer c WHERE $1 AND $plain LIMIT 1001) capped;"
  return 0
}

quota_statement() {
  cat <<SQL
WITH no_flush AS (SELECT set_config('synchronous_commit', 'off', true)), minute AS (INSERT INTO duplicate_check_quota AS q (company_id, user_id, window_kind, window_start, used) SELECT $company, $seller, 'MINUTE', date_trunc('minute', now()), 1 FROM no_flush ON CONFLICT (company_id, user_id, window_kind) DO UPDATE SET used = CASE WHEN q.window_start = EXCLUDED.window_start THEN q.used + 1 ELSE 1 END, window_start = EXCLUDED.window_start RETURNING used), day AS (INSERT INTO duplicate_check_quota AS q (company_id, user_id, window_kind, window_start, used) SELECT $company, $seller, 'DAY', date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai', 1 FROM minute WHERE minute.used <= 1000000000 ON CONFLICT (company_id, user_id, window_kind) DO UPDATE SET used = CASE WHEN q.window_start = EXCLUDED.window_start THEN q.used + 1 ELSE 1 END, window_start = EXCLUDED.window_start RETURNING used) SELECT (SELECT used FROM minute) AS minute_used, (SELECT used FROM day) AS day_used;
SQL
}

detail_selects() { # customer id
  local id=$1
  cat <<SQL
SELECT c.*, u.display_name AS owner_name, p.name AS parent_name, $sales_scope AS in_scope FROM customer c LEFT JOIN app_user u ON u.id = c.owner_id LEFT JOIN customer p ON p.company_id = c.company_id AND p.id = c.parent_id WHERE c.id = $id AND ($sales_scope OR (c.company_id = $company AND c.owner_id IS NULL));
SELECT id, name, phone, email, position FROM customer_contact WHERE company_id = $company AND customer_id = $id ORDER BY id;
SELECT f.id, f.kind, f.happened_at, f.content, f.next_step, f.next_follow_up_on, u.display_name AS author_name FROM follow_up f JOIN app_user u ON u.id = f.author_id WHERE f.company_id = $company AND f.customer_id = $id ORDER BY f.happened_at DESC LIMIT 100;
SELECT o.owner_id, u.display_name AS owner_name, o.valid_from, o.valid_to, o.reason, o.decision::text AS decision, o.end_decision::text AS end_decision, o.recorded_at FROM customer_ownership o JOIN app_user u ON u.id = o.owner_id WHERE o.company_id = $company::bigint AND o.customer_id = $id::bigint ORDER BY o.valid_from DESC;
SELECT cl.id, cl.customer_id, c.name AS customer_name, cl.claimant_id, cu.display_name AS claimant_name, cl.owner_id, ou.display_name AS owner_name, cl.attempted_name, cl.matched_on, cl.status, cl.created_at, (SELECT d.id FROM ownership_dispute d WHERE d.company_id = cl.company_id AND d.claim_id = cl.id ORDER BY d.id DESC LIMIT 1) AS dispute_id, NULL AS decision FROM customer_claim cl JOIN customer c ON c.company_id = cl.company_id AND c.id = cl.customer_id JOIN app_user cu ON cu.id = cl.claimant_id LEFT JOIN app_user ou ON ou.id = cl.owner_id WHERE cl.company_id = $company AND cl.customer_id = $id ORDER BY cl.created_at DESC, cl.id DESC LIMIT 100 OFFSET 0;
SELECT kind, outcome, hits::text AS hits, settings_version, decided_at FROM decision_record WHERE company_id = $company AND subject_type = 'customer' AND subject_id = '$id' ORDER BY decided_at DESC, id DESC;
SELECT r.id, r.changes::text AS changes, r.credit_investigation::text AS credit_investigation, r.status, u.display_name AS requested_by_name, r.created_at, r.decided_at, r.decision::text AS decision FROM customer_change_request r JOIN app_user u ON u.id = r.requested_by WHERE r.company_id = $company AND r.customer_id = $id ORDER BY r.created_at DESC;
SQL
}

n=0
while IFS='|' read -r id name phone city; do
  n=$((n + 1))
  brand=${name:${#city}:2}; trade=${name:${#city}:4}
  [ "$n" -le 20 ] || break
  search_script "$sales_scope" "$sales_owners" "$brand" >"$out/pgb/search2-sales.$n.sql"
  search_script "$manager_scope" "$manager_owners" "$brand" >"$out/pgb/search2-manager.$n.sql"
  search_script "$manager_scope" "$manager_owners" "$trade" >"$out/pgb/search4-manager.$n.sql"
  # a search as Yewu sends it: the same statement, planned for its values every time (decision 0040; run.sh runs
  # these with -M extended), where pgbench's prepared constants are planned once per connection
  for k in search2-sales search2-manager search4-manager; do cp "$out/pgb/$k.$n.sql" "$out/pgb/$k-as-sent.$n.sql"; done
  cat >"$out/pgb/duplicates.$n.sql" <<SQL
SELECT DISTINCT ON (c.id) c.id, c.name, c.owner_id, u.display_name AS owner_name, c.stage, k.kind FROM customer_key k JOIN customer c ON c.company_id = k.company_id AND c.id = k.customer_id LEFT JOIN app_user u ON u.id = c.owner_id WHERE k.company_id = $company AND (k.kind, k.value) IN (('NAME', '$(esc "$name")'), ('PHONE', '$phone')) ORDER BY c.id, CASE k.kind WHEN 'CREDIT_CODE' THEN 1 WHEN 'NAME' THEN 2 WHEN 'PHONE' THEN 3 ELSE 4 END LIMIT 10;
SQL
  # the detail's SELECTs as Yewu sends them (CustomerQueries.detail): one round trip each, and (detail-trip) all in
  # one pipeline, one round trip, as Yewu sends them since decision 0050
  detail_selects "$id" >"$out/pgb/detail.$n.sql"
  { echo '\startpipeline'; detail_selects "$id"; echo '\endpipeline'; } >"$out/pgb/detail-as-sent.$n.sql"
  # the duplicate check as Yewu sends it: the reader's quota counted (DuplicateCheckQuota, CUS-16, its own commit
  # without waiting for the flush), then the SELECT
  { quota_statement; cat "$out/pgb/duplicates.$n.sql"; } >"$out/pgb/duplicates-as-sent.$n.sql"
done <"$hits"
# the request paths, percent-encoded in one pass
python3 - "$hits" "$out" <<'PY'
import sys, urllib.parse
hits, out = sys.argv[1], sys.argv[2]
enc = lambda s: urllib.parse.quote(s, safe="")
files = {k: open(f"{out}/{k}.paths", "w") for k in ("search2-sales", "search2-manager", "search4-manager", "duplicates", "detail")}
for line in open(hits, encoding="utf-8"):
    if not line.strip(): continue
    id_, name, phone, city = line.rstrip("\n").split("|")
    brand, trade = name[len(city):len(city) + 2], name[len(city):len(city) + 4]
    print(f"/api/customers?size=20&page=0&q={enc(brand)}", file=files["search2-sales"])
    print(f"/api/customers?size=20&page=0&q={enc(brand)}", file=files["search2-manager"])
    print(f"/api/customers?size=20&page=0&q={enc(trade)}", file=files["search4-manager"])
    print(f"/api/customers/duplicates?name={enc(name)}&phone={phone}", file=files["duplicates"])
    print(f"/api/customers/{id_}", file=files["detail"])
PY
