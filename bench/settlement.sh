#!/usr/bin/env bash
# Settlement at scale (issue 10 "Speed"), on the started bench app of bench/run.sh (`bench/run.sh start`; the
# customer data of `bench/run.sh load` is not needed). Loads bench/settlement.sql once (SETTLE_LINES order lines,
# 10 to an order, SETTLE_CUSTOMERS customers, receipts and their commission accruals, set-based), then measures
# over HTTP, as the application runs them (curl, one request at a time, SETTLE_RUNS timed runs after 2 warm-ups):
#   1. RCV-3 receivables aging GET /api/receivables/aging           as finance (whole company) and sales1 (own)
#   2. COM-2 commission statement GET /api/commission/statement?month=<last month>   as finance and sales1
# and prints min / p50 / p95 / max. Target (issue 10 "Speed"): each under 1 s over 1,000,000 order lines. The
# table goes to $BENCH_DIR/results.md and to the section of $PERF_DOC between the "bench:settlement" markers.
# See bench/README.md.
#   bench/settlement.sh
# BENCH_PG_PORT=0 (an embedded server on a free port) is read back from the server's postmaster.pid.
set -euo pipefail
# shellcheck source=bench/run.sh
. "$(dirname "$0")/run.sh"

SETTLE_LINES=${SETTLE_LINES:-1000000}
SETTLE_CUSTOMERS=${SETTLE_CUSTOMERS:-20000}
SETTLE_RUNS=${SETTLE_RUNS:-20}
PERF_DOC=${PERF_DOC:-docs/performance.md}

if [ "$PGPORT" = 0 ] && [ -f "$BENCH_DIR/pgdata/postmaster.pid" ]; then PGPORT=$(sed -n 4p "$BENCH_DIR/pgdata/postmaster.pid"); export PGPORT; fi
pg_password
curl -sf -o /dev/null "$BASE/actuator/health" || { echo "Yewu is not running on $BASE: bench/run.sh start" >&2; exit 1; }

load_settlement() {
  local t0; t0=$(date +%s)
  psql -q -v lines="$SETTLE_LINES" -v customers="$SETTLE_CUSTOMERS" -f bench/settlement.sql
  echo "settlement data: $(( $(date +%s) - t0 )) s"
}

# timed GETs of PATH as the session SESSION ("SESSION=…|token"): prints "min p50 p95 max failed" in ms
timed() {
  local session=${1%%|*} path=$2 n status t out=() failed=0
  for n in 1 2; do curl -s -o /dev/null -b "$session" "$BASE$path"; done
  for n in $(seq 1 "$SETTLE_RUNS"); do
    read -r status t < <(curl -s -o /dev/null -b "$session" -w '%{http_code} %{time_total}\n' "$BASE$path")
    [ "$status" = 200 ] || failed=$((failed + 1))
    out+=("$(awk -v s="$t" 'BEGIN { printf "%.1f", s * 1000 }')")
  done
  printf '%s\n' "${out[@]}" | sort -g | awk -v f="$failed" '{ v[NR] = $1 } END {
    p50 = v[int((NR + 1) / 2)]; i = int(NR * 0.95 + 0.999); if (i > NR) i = NR
    printf "%.1f %.1f %.1f %.1f %d\n", v[1], p50, v[i], v[NR], f }'
}

row() {
  local what=$1 who=$2 session=$3 path=$4 load r
  load=$(loadavg)
  r=$(timed "$session" "$path")
  set -- $r
  echo "| $what | $who | \`GET $path\` | $SETTLE_RUNS | $1 | $2 | **$3** | $4 | $5 | $load |"
}

settlement() {
  local company; company=$(sql "SELECT id FROM company WHERE code = 'DEMO'")
  [ "$(sql "SELECT count(*) FROM sales_order WHERE company_id = $company AND number LIKE 'BS%'")" -gt 0 ] || load_settlement
  local month; month=$(sql "SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date - interval '1 month', 'YYYY-MM')")
  local finance sales; finance=$(login finance); sales=$(login sales1)
  local sales_id; sales_id=$(sql "SELECT id FROM app_user WHERE company_id = $company AND username = 'sales1'")
  local stamp; stamp=$(date -u '+%Y-%m-%d %H:%M UTC')
  local section; section=$(mktemp)
  {
    echo "Run of $stamp. Command: \`bench/settlement.sh\` (SETTLE_RUNS=$SETTLE_RUNS; see bench/README.md). Measured over HTTP"
    echo "with curl against the running server, one request at a time, as the screens ask (2 warm-up requests first)."
    echo "Data: $(sql "SELECT count(*) FROM sales_order_line WHERE company_id = $company") order lines in"\
      "$(sql "SELECT count(*) FROM sales_order WHERE company_id = $company") orders"\
      "($(sql "SELECT count(*) FROM sales_order o WHERE company_id = $company AND o.paid_amount < o.total AND o.state NOT IN ('CANCELLED', 'DRAFT')") open receivables),"\
      "$(sql "SELECT count(*) FROM customer WHERE company_id = $company") customers,"\
      "$(sql "SELECT count(*) FROM commission_accrual WHERE company_id = $company") commission accruals"\
      "($(sql "SELECT count(*) FROM commission_accrual WHERE company_id = $company AND month = DATE '$month-01'") in $month,"\
      "$(sql "SELECT count(*) FROM commission_accrual WHERE company_id = $company AND month = DATE '$month-01' AND salesperson_id = $sales_id") of them sales1's)."
    echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/^Mem/ { print $2 }') GiB;"\
      "$("$JAVA" -version 2>&1 | head -1)."
    echo "Load average before: $(loadavg). Target (issue 10): each under 1 s over 1,000,000 order lines."
    echo
    echo "| query | as | request | runs | min ms | p50 ms | p95 ms | max ms | failed | load average |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    row "RCV-3 receivables aging" "finance (company)" "$finance" "/api/receivables/aging"
    row "RCV-3 receivables aging" "sales1 (own)" "$sales" "/api/receivables/aging"
    row "COM-2 commission statement, a month" "finance (company)" "$finance" "/api/commission/statement?month=$month"
    row "COM-2 commission statement, a month" "sales1 (own)" "$sales" "/api/commission/statement?month=$month"
    echo
    echo "Load average after: $(loadavg). \"failed\": answers other than 200."
  } >"$section"
  tee -a "$RESULTS" <"$section"
  if grep -q '<!-- bench:settlement-begin -->' "$PERF_DOC"; then
    awk -v f="$section" '/<!-- bench:settlement-begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
                         /<!-- bench:settlement-end -->/ { skip = 0 } !skip' "$PERF_DOC" >"$PERF_DOC.tmp" && mv "$PERF_DOC.tmp" "$PERF_DOC"
  fi
  rm -f "$section"
}

settlement
