#!/usr/bin/env bash
# Order intake (issue 10 "Speed"): the hand-written essential transaction (bench/submit_order.pgbench) and Yewu's
# order endpoint over HTTP (bench/order.lua, wrk), alternating, same clients and duration, on the bench database
# of bench/run.sh (start it and load it first: `bench/run.sh start && bench/run.sh load`). Loads bench/orders.sql
# once. The table goes to $BENCH_DIR/results.md and to the section of docs/performance.md between the
# "bench:order-intake" markers. See bench/README.md.
#   bench/orders.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/yewu-bench}
PORT=${BENCH_PORT:-18180}
export PGHOST=127.0.0.1 PGPORT=${BENCH_PG_PORT:-54329} PGUSER=postgres PGDATABASE=postgres
if [ -f "$BENCH_DIR/pgdata.password" ]; then PGPASSWORD=$(cat "$BENCH_DIR/pgdata.password"); export PGPASSWORD; fi
BASE=http://localhost:$PORT
RESULTS=$BENCH_DIR/results.md
ORDER_CLIENTS=${ORDER_CLIENTS:-16}
ORDER_SECONDS=${ORDER_SECONDS:-30}
ORDER_ROUNDS=${ORDER_ROUNDS:-3}
ORDER_WARMUP=${ORDER_WARMUP:-120}
ORDER_PATH=${ORDER_PATH:-/api/orders}
PERF_DOC=${PERF_DOC:-docs/performance.md}

sql() { psql -Atq -c "$1"; }

curl -sf -o /dev/null "$BASE/actuator/health" || { echo "Yewu is not running on $BASE: bench/run.sh start" >&2; exit 1; }
[ "$(sql "SELECT count(*) FROM app_user WHERE username = 'bench01'")" = 1 ] || { echo "no bench data: bench/run.sh load" >&2; exit 1; }

. bench/pgbench_log.sh

# Each bench user logs in once, before anything is measured, as the UI does (the CSRF token, then the login, which
# renews the session and the token): "username SESSION token" a line in $1. The logins' password hashing is not
# order intake, so it stays out of the measured windows (bench/order.lua falls back to logging in itself when a
# session is missing or refused).
login_all() {
  local out=$1 jar u token renewed session; : >"$out"
  jar=$(mktemp)
  for u in $(awk '{print $1}' "$(dirname "$out")/order-users.txt"); do
    rm -f "$jar"
    token=$(curl -sf -c "$jar" "$BASE/api/auth/csrf" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
    renewed=$(curl -sf -b "$jar" -c "$jar" -D - -o /dev/null -H "X-XSRF-TOKEN: $token" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$u\",\"password\":\"Yewu@2026\"}" "$BASE/api/auth/login" | tr -d '\r' \
      | sed -n 's/^[Xx]-[Xx][Ss][Rr][Ff]-[Tt][Oo][Kk][Ee][Nn]: *//p')
    session=$(awk '$6 == "SESSION" {print $7}' "$jar" | tail -1)
    [ -n "$session" ] && [ -n "$renewed" ] || { echo "login of $u failed" >&2; exit 1; }
    echo "$u $session $renewed" >>"$out"
  done
  rm -f "$jar"
}

# Order intake: the hand-written essential transaction (bench/submit_order.pgbench) and Yewu's order endpoint
# (bench/order.lua), alternating, same clients and duration; the table goes to $RESULTS and to the marked
# section of docs/performance.md.
orders() {
  [ "$(sql "SELECT count(*) FROM product WHERE code = 'BP00001'")" = 1 ] || psql -q -f bench/orders.sql
  local in=$BENCH_DIR/input; mkdir -p "$in"
  sql "SELECT u.username || ' ' || string_agg(c.id::text, ' ') FROM app_user u
       CROSS JOIN LATERAL (SELECT id FROM customer WHERE owner_id = u.id ORDER BY id LIMIT 200) c
       WHERE u.username BETWEEN 'bench01' AND 'bench16' GROUP BY u.username ORDER BY u.username" >"$in/order-users.txt"
  sql "SELECT p.id || ' ' || pl.guide_price FROM product p JOIN price_list_line pl ON pl.company_id = p.company_id AND pl.product_id = p.id
       WHERE p.code LIKE 'BP%' AND p.kind = 'STANDARD' ORDER BY p.id" >"$in/order-products.txt"
  local c cmin cmax pmin pmax
  c=$(sql "SELECT id FROM company WHERE code = 'DEMO'")
  # the first contiguous run of bench-owned customers (bench/service.sql adds more after the demo company's own files)
  read -r cmin cmax < <(sql "WITH b AS (SELECT c.id, (u.username LIKE 'bench%') AS bench FROM customer c
                              LEFT JOIN app_user u ON u.id = c.owner_id WHERE c.company_id = (SELECT id FROM company WHERE code = 'DEMO')),
                            lo AS (SELECT min(id) AS id FROM b WHERE bench)
                            SELECT lo.id, coalesce((SELECT min(b.id) - 1 FROM b WHERE b.id > lo.id AND NOT b.bench),
                                                   (SELECT max(id) FROM b WHERE bench)) FROM lo" | tr '|' ' ')
  read -r pmin pmax < <(sql "SELECT min(id), max(id) FROM product WHERE code LIKE 'BP%' AND kind = 'STANDARD'" | tr '|' ' ')
  local rows=() pg_tps=() http_rps=() round
  # The essential transaction's event rows name a type that no listener handles, so nothing ever completes them:
  # they are taken back after each pgbench run (left, hundreds of thousands of them made every later stop of Yewu
  # take minutes, Spring Modulith's registry logging each at shutdown)
  forget_events() { sql "DELETE FROM event_publication WHERE listener_id = 'io.yewu.order.OrderSubmitted' AND completion_date IS NULL" >/dev/null; }
  forget_events
  login_all "$in/order-sessions.txt"
  # warm-up, not measured, the same for both sides: the JIT compiles the request path and the caches fill. On this
  # 2-core machine the compiler threads share the cores with the load, so a fresh JVM takes one to two minutes to
  # reach its steady speed (measured 2026-11-30: 325, 332, 465, 506 orders/s in successive 20 s windows; on a slower
  # machine later that day 132–144 orders/s after 45 s, 178–197 after several minutes; decision 0043)
  if [ "$ORDER_WARMUP" -gt 0 ]; then
    (cd "$(mktemp -d)" && PGOPTIONS='-c role=yewu_app' pgbench -n -M prepared -c "$ORDER_CLIENTS" -j 2 -T "$ORDER_WARMUP" \
      -D company="$c" -D cmin="$cmin" -D cmax="$cmax" -D pmin="$pmin" -D pmax="$pmax" \
      -f "$OLDPWD/bench/submit_order.pgbench" >/dev/null 2>&1) || true
    forget_events
    BENCH_INPUT="$in" ORDER_PATH="$ORDER_PATH" wrk -t "$ORDER_CLIENTS" -c "$ORDER_CLIENTS" -d "${ORDER_WARMUP}s" \
      --timeout 10s -s bench/order.lua "$BASE" >/dev/null
  fi
  for round in $(seq 1 "$ORDER_ROUNDS"); do
    local logs; logs=$(mktemp -d)
    local out; out=$(cd "$logs" && PGOPTIONS='-c role=yewu_app' pgbench -n -M prepared -c "$ORDER_CLIENTS" -j 2 \
      -T "$ORDER_SECONDS" -l -D company="$c" -D cmin="$cmin" -D cmax="$cmax" -D pmin="$pmin" -D pmax="$pmax" \
      -f "$OLDPWD/bench/submit_order.pgbench" 2>&1) || { echo "$out" >&2; exit 1; }
    local tps; tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
    local failed; failed=$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
    local p; p=$(log_percentiles "$logs"/pgbench_log.*); rm -rf "$logs"
    forget_events
    pg_tps+=("$tps")
    rows+=("| $round | pgbench, essential transaction by hand | $tps | ${p% *} | ${p#* } | failed: ${failed:-0} |")
    local w; w=$(BENCH_INPUT="$in" ORDER_PATH="$ORDER_PATH" wrk -t "$ORDER_CLIENTS" -c "$ORDER_CLIENTS" \
      -d "${ORDER_SECONDS}s" --timeout 10s -s bench/order.lua "$BASE" | grep '^WRK')
    local rps; rps=$(echo "$w" | sed -n 's/.* rps=\([0-9.]*\).*/\1/p')
    http_rps+=("$rps")
    rows+=("| $round | Yewu \`POST $ORDER_PATH\` over HTTP (wrk) | $rps | $(echo "$w" | sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p') |"\
" $(echo "$w" | sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p') | $(echo "$w" | sed -n 's/^WRK \(orders_ok=[0-9]* orders_failed=[0-9]* statuses=[^ ]*\).*/\1/p') |")
  done
  # PRC-10's live check of a 10-line quote (the quote form's preview), one client: p95 target <= 10 ms. Its own
  # code (the quote controller, the live line checks, their JSON) is not on the order path, so it is warmed first
  # like the order intake (QUOTE_WARMUP s, not measured): cold, the first 15 s window gave p95 25 ms, the fourth 8 ms.
  if [ "${QUOTE_WARMUP:-30}" -gt 0 ]; then
    BENCH_INPUT="$in" ORDER_PATH=/api/quotes/check ORDER_BODY=quote wrk -t 1 -c 1 -d "${QUOTE_WARMUP:-30}s" \
      --timeout 10s -s bench/order.lua "$BASE" >/dev/null
  fi
  local q; q=$(BENCH_INPUT="$in" ORDER_PATH=/api/quotes/check ORDER_BODY=quote wrk -t 1 -c 1 -d "${QUOTE_SECONDS:-10}s" \
    --timeout 10s -s bench/order.lua "$BASE" | grep '^WRK')
  local quote_row="Quote preview (\`POST /api/quotes/check\`, 10 lines, 1 client, ${QUOTE_SECONDS:-10} s):"\
" $(echo "$q" | sed -n 's/.* rps=\([0-9.]*\).*/\1/p') checks/s, p50 $(echo "$q" | sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p') ms,"\
" p95 $(echo "$q" | sed -n 's/.* p95_ms=\([0-9.]*\).*/\1/p') ms, p99 $(echo "$q" | sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p') ms"\
" (target p95 ≤ 10 ms; $(echo "$q" | sed -n 's/^WRK \(orders_ok=[0-9]* orders_failed=[0-9]*\).*/\1/p' | sed 's/orders_/checks_/g'))."
  local pg_mean http_mean
  pg_mean=$(printf '%s\n' "${pg_tps[@]}" | awk '{s+=$1} END {printf "%.1f", s/NR}')
  http_mean=$(printf '%s\n' "${http_rps[@]}" | awk '{s+=$1} END {printf "%.1f", s/NR}')
  local section; section=$(mktemp)
  {
    echo "Run of $(date -Iseconds): $ORDER_CLIENTS clients, $ORDER_ROUNDS rounds of $ORDER_SECONDS s each, alternating;"
    echo "$(sql "SELECT count(*) FROM customer") customers, $(sql "SELECT count(*) FROM product") products,"
    echo "orders of 10 lines. Both sides warmed up for $ORDER_WARMUP s first (not measured); the bench users logged in"
    echo "before it (logins are not in the windows). Command: \`bench/orders.sh\` (see bench/README.md)."
    echo
    echo "| round | what | orders/s | p50 ms | p99 ms | notes |"
    echo "|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Mean: pgbench $pg_mean tx/s, Yewu $http_mean orders/s, ratio $(awk -v a="$http_mean" -v b="$pg_mean" \
      'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}') (target ≥ 0.5, p99 < 50 ms)."
    echo
    echo "$quote_row"
  } >"$section"
  cat "$section" | tee -a "$RESULTS"
  if grep -q '<!-- bench:order-intake:begin -->' "$PERF_DOC"; then
    awk -v f="$section" '/<!-- bench:order-intake:begin -->/ {print; while ((getline l < f) > 0) print l; skip=1; next}
                         /<!-- bench:order-intake:end -->/ {skip=0} !skip' "$PERF_DOC" >"$PERF_DOC.tmp" && mv "$PERF_DOC.tmp" "$PERF_DOC"
  fi
  rm -f "$section"
}

orders
