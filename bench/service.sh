#!/usr/bin/env bash
# Service desk (issue 11 "Speed"), on the started and loaded bench app of bench/run.sh
# (`bench/run.sh start && bench/run.sh load`). Loads bench/service.sql once (300,000 customers, 1,000,000 tickets
# over three years, a week of 50,000 tickets with return visits, 20,000 knowledge articles), then measures:
#   1. the agent's customer look-up GET /api/tickets/customer-lookup (agent1, wrk bench/wrk/read.lua) and pgbench
#      of the SELECT CustomerLookupQueries issues for the same inputs, alternating        target p95 < 30 ms
#   2. knowledge search GET /api/kb/search (agent1) and pgbench of KnowledgeBase.search's SELECT  target p95 < 50 ms
#   3. SVC-9 GET /api/service-analysis/weekly for last week (servicedir), 5 × curl             target < 2 s
#   4. the timer sweep: SERVICE_TIMERS ticket timers due now (ticket_timer + due_task rows of kind
#      service.ticket-timer, as TicketTimers schedules them), until the app has run them all  target ≥ 10,000/min
# The tables go to $BENCH_DIR/results.md and to the section of $PERF_DOC between the "bench:service" markers.
# See bench/README.md.
#   bench/service.sh
set -euo pipefail
# shellcheck source=bench/run.sh
. "$(dirname "$0")/run.sh"

SERVICE_CUSTOMERS_TOTAL=${SERVICE_CUSTOMERS_TOTAL:-300000}
SERVICE_TICKETS=${SERVICE_TICKETS:-1000000}
SERVICE_WEEK_TICKETS=${SERVICE_WEEK_TICKETS:-50000}
SERVICE_ARTICLES=${SERVICE_ARTICLES:-20000}
SERVICE_TIMERS=${SERVICE_TIMERS:-10000}
SERVICE_CLIENTS=${SERVICE_CLIENTS:-"1 8"}
SERVICE_PARTS=${SERVICE_PARTS:-"lookup kb weekly sweep"}   # which measurements to run (all four by default)
SWEEP_TIMEOUT=${SWEEP_TIMEOUT:-900}           # seconds the sweep may take before the script gives up waiting
PERF_DOC=${PERF_DOC:-docs/performance.md}
IN=$BENCH_DIR/input/service

curl -sf -o /dev/null "$BASE/actuator/health" || { echo "Yewu is not running on $BASE: bench/run.sh start" >&2; exit 1; }
[ "$(sql "SELECT count(*) FROM app_user WHERE username = 'bench01'")" = 1 ] || { echo "no bench data: bench/run.sh load" >&2; exit 1; }
command -v python3 >/dev/null || { echo "needs python3 (bench/README.md)" >&2; exit 1; }

load_service() {
  local t0; t0=$(date +%s)
  psql -q -v customers_total="$SERVICE_CUSTOMERS_TOTAL" -v tickets="$SERVICE_TICKETS" -v week_tickets="$SERVICE_WEEK_TICKETS" \
    -v articles="$SERVICE_ARTICLES" -f bench/service.sql
  echo "service data: $(( $(date +%s) - t0 )) s"
}

# percent-encodes each line of stdin
enc_lines() { python3 -c 'import sys, urllib.parse; [print(urllib.parse.quote(l.rstrip("\n"), safe="")) for l in sys.stdin if l.strip()]'; }
esc() { printf '%s' "${1//\'/\'\'}"; }

# the inputs: request paths for wrk and, for the same inputs, pgbench scripts with the SELECT the app issues (at
# most 128 scripts: pgbench's limit). Look-up: 40 phone prefixes (8 digits), 40 two-character pieces of names,
# 40 credit codes, drawn from files agent1 may see (the service desk sees every owned file, CustomerAccess).
prepare_inputs() {
  rm -rf "$IN"; mkdir -p "$IN/lookup" "$IN/kb"
  COMPANY=$(sql "SELECT id FROM company WHERE code = 'DEMO'")
  sql "SELECT setseed(0.11); SELECT left(cc.phone, 8) FROM customer c JOIN customer_contact cc ON cc.customer_id = c.id
       WHERE c.owner_id IS NOT NULL AND cc.phone ~ '^1[0-9]{10}$' ORDER BY random() LIMIT 40" | tail -n +2 >"$IN/lookup.phone"
  sql "SELECT setseed(0.12); SELECT p FROM (SELECT substr(name, 1 + (random() * (length(name) - 2))::int, 2) AS p
       FROM customer TABLESAMPLE SYSTEM (5) REPEATABLE (12) WHERE owner_id IS NOT NULL) s
       WHERE p ~ '^[^0-9A-Za-z[:space:][:punct:]]{2}$' ORDER BY random() LIMIT 40" | tail -n +2 >"$IN/lookup.name"
  # whole credit codes of files with a CREDIT_CODE key (a valid code: CustomerKeys.creditCode)
  sql "SELECT setseed(0.13); SELECT k.value FROM customer_key k JOIN customer c ON c.id = k.customer_id
       WHERE k.kind = 'CREDIT_CODE' AND c.owner_id IS NOT NULL ORDER BY random() LIMIT 40" | tail -n +2 >"$IN/lookup.code"
  cat "$IN/lookup.phone" "$IN/lookup.name" "$IN/lookup.code" >"$IN/lookup.txt"
  enc_lines <"$IN/lookup.txt" | sed 's|^|/api/tickets/customer-lookup?q=|' >"$IN/lookup.paths"
  # CustomerLookupQueries.find with agent1's scope (CustomerAccess: the service desk sees the company's owned files)
  local n=0 q match kind
  for kind in phone name code; do
    while IFS= read -r q; do
      n=$((n + 1))
      case $kind in
        phone) match="c.id IN (SELECT customer_id FROM customer_key WHERE company_id = $COMPANY AND kind = 'PHONE' AND value ~>=~ '$q' AND value ~<~ '$(python3 -c 'import sys; q=sys.argv[1]; print(q[:-1] + chr(ord(q[-1]) + 1))' "$q")')" ;;
        code) match="c.id IN (SELECT customer_id FROM customer_key WHERE company_id = $COMPANY AND kind = 'CREDIT_CODE' AND value = '$q')" ;;
        name) match="(c.name_grams @> yewu_bigrams('$(esc "$q")') AND c.name ILIKE '%$(esc "$q")%')" ;;
      esac
      local prefix; prefix="$(esc "$q")%"
      # a name piece is looked up in a transaction planned without table scans (CustomerLookupQueries, decision 0035)
      {
        if [ "$kind" = name ]; then echo "BEGIN; SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true);"; fi
        echo "WITH hit AS MATERIALIZED (SELECT c.id, c.name FROM customer c WHERE ((c.company_id = $COMPANY) AND c.owner_id IS NOT NULL) AND $match LIMIT 200), shown AS (SELECT id FROM hit ORDER BY (name LIKE '$prefix') DESC, length(name), id LIMIT 10) SELECT c.id, c.name, coalesce(c.credit_code, '') AS credit_code, c.city, c.key_account, coalesce((SELECT cc.phone FROM customer_contact cc WHERE cc.company_id = c.company_id AND cc.customer_id = c.id AND cc.phone <> '' ORDER BY cc.id LIMIT 1), '') AS phone, coalesce(u.display_name, '') AS owner_name FROM customer c LEFT JOIN app_user u ON u.company_id = c.company_id AND u.id = c.owner_id WHERE c.id IN (SELECT id FROM shown) AND c.company_id = $COMPANY ORDER BY (c.name LIKE '$prefix') DESC, length(c.name), c.id;"
        if [ "$kind" = name ]; then echo "COMMIT;"; fi
      } >"$IN/lookup/$kind.$n.sql"
    done <"$IN/lookup.$kind"
  done
  # knowledge search: the common words of the data (客户 in half the articles, 卷烟订货 in a third, 口径 in every
  # title) and 20 two- and 20 four-character pieces of published articles' wording (rare: the GIN index answers)
  { printf '%s\n' 客户 卷烟订货 卷烟 订货 口径
    sql "SELECT setseed(0.14); SELECT substr(body, 30 + (random() * 150)::int, CASE WHEN random() < 0.5 THEN 2 ELSE 4 END)
         FROM kb_article WHERE state = 'PUBLISHED' AND (effective_until IS NULL OR effective_until >= current_date)
         ORDER BY random() LIMIT 40" | tail -n +2; } >"$IN/kb.txt"
  enc_lines <"$IN/kb.txt" | sed 's|^|/api/kb/search?q=|' >"$IN/kb.paths"
  local day; day=$(sql "SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date")
  n=0
  while IFS= read -r q; do
    n=$((n + 1))
    echo "SELECT a.id, a.title, a.kind, (SELECT k.name FROM kb_category k WHERE k.company_id = a.company_id AND k.id = a.category_id) AS category_name, left(a.body, 160) AS excerpt, a.effective_from, a.effective_until FROM kb_article a WHERE a.company_id = $COMPANY AND a.state = 'PUBLISHED' AND a.effective_from <= '$day' AND (a.effective_until IS NULL OR a.effective_until >= '$day') AND a.search_grams @> yewu_bigrams('$(esc "$q")') AND strpos(lower(a.title || ' ' || a.body), lower('$(esc "$q")')) > 0 AND (CAST(NULL AS text) IS NULL OR a.kind = NULL) AND (CAST(NULL AS bigint) IS NULL OR a.category_id = NULL) ORDER BY a.published_at DESC, a.id DESC LIMIT 20;" \
      >"$IN/kb/$n.sql"
  done <"$IN/kb.txt"
}

# one table row per client count: wrk (RUNS runs) then pgbench (RUNS runs), alternating
measure_read() { # label paths-file pgbench-dir session target
  local label=$1 paths=$2 dir=$3 who=$4 target=$5 scripts=() f c
  for f in "$dir"/*.sql; do scripts+=(-f "$f"); done
  for c in $SERVICE_CLIENTS; do
    local y=() p=() r=() p50=() p95=() p99=() failed=0 la=() run rps l50 l95 l99 fl tps pf
    for run in $(seq 1 "$RUNS"); do
      la+=("$(loadavg | cut -d' ' -f1)")
      read -r rps l50 l95 l99 fl < <(BENCH_SESSIONS="$who" run_wrk read.lua "$c" "$paths")
      read -r tps _ pf _ < <(run_pgbench "$c" "${scripts[@]}")
      y+=("$rps"); p+=("$tps"); p50+=("$l50"); p95+=("$l95"); p99+=("$l99"); failed=$((failed + fl + pf))
      r+=("$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", a / b }')")
    done
    row "| $label | $c | $(printf '%s\n' "${y[@]}" | mmm) | $(printf '%s\n' "${p50[@]}" | mmm) | $(printf '%s\n' "${p95[@]}" | mmm) | $(printf '%s\n' "${p99[@]}" | mmm) | $target | $(printf '%s\n' "${p[@]}" | mmm) | $(printf '%s\n' "${r[@]}" | mmm2) | $failed | ${la[*]} |"
  done
}

# SVC-9 for last week as the service director: 5 × curl, the time of each answer
measure_weekly() {
  local director=$1 week; week=$(sql "SELECT date_trunc('week', now() AT TIME ZONE 'Asia/Shanghai')::date - 7")
  local received; received=$(sql "SELECT count(*) FROM ticket WHERE company_id = $COMPANY AND received_at >= '$week'::timestamp AT TIME ZONE 'Asia/Shanghai' AND received_at < ('$week'::timestamp + interval '7 days') AT TIME ZONE 'Asia/Shanghai'")
  local visits; visits=$(sql "SELECT count(*) FROM return_visit WHERE company_id = $COMPANY AND due_at >= '$week'::timestamp AT TIME ZONE 'Asia/Shanghai' AND due_at < ('$week'::timestamp + interval '7 days') AT TIME ZONE 'Asia/Shanghai'")
  local ms=() la=() i out
  for i in 1 2 3 4 5; do
    la+=("$(loadavg | cut -d' ' -f1)")
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: ${director%%|*}" -H 'Accept: application/json' \
      "$BASE/api/service-analysis/weekly?week=$week")
    [ "${out%% *}" = 200 ] || { echo "weekly analysis answered ${out%% *}" >&2; exit 1; }
    ms+=("$(awk -v s="${out#* }" 'BEGIN { printf "%.0f", s * 1000 }')")
  done
  {
    echo
    echo "### SVC-9 weekly satisfaction analysis (\`GET /api/service-analysis/weekly?week=$week\`, servicedir, curl × 5)"
    echo
    echo "Week of $week: $received tickets received, $visits return visits due. Target < 2,000 ms."
    echo
    echo "| run | 1 | 2 | 3 | 4 | 5 | min / median / max |"
    echo "|---|---|---|---|---|---|---|"
    echo "| ms | ${ms[0]} | ${ms[1]} | ${ms[2]} | ${ms[3]} | ${ms[4]} | $(printf '%s\n' "${ms[@]}" | mmm) |"
    echo "| load average | ${la[0]} | ${la[1]} | ${la[2]} | ${la[3]} | ${la[4]} | |"
  } | tee -a "$RESULTS"
}

# SERVICE_TIMERS timers due now on open bench tickets (a new cycle each run, so repeated runs never collide), as
# TicketTimers.schedule writes them: a ticket_timer row and a due_task row keyed ticket:<id>:<cycle>:<kind>;
# REMIND, OVERDUE and DIRECTOR in turn. The app's poller runs them (DueTaskRunner); we poll the table.
measure_sweep() {
  local first la0 t0
  la0=$(loadavg)
  read -r first t0 < <(psql -Atq <<SQL | tail -1 | tr '|' ' '
    CREATE TEMP TABLE sweep_ticket AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, company_id, settings_version
      FROM ticket WHERE company_id = $COMPANY AND state = 'OPEN' AND number ~ '^GD[0-9]{8}B';
    CREATE TEMP TABLE sweep AS
      SELECT t.id AS ticket_id, t.company_id, t.settings_version,
             (SELECT coalesce(max(cycle), 0) FROM ticket_timer WHERE company_id = $COMPANY) + 1 + g / (SELECT count(*) FROM sweep_ticket) AS cycle,
             (ARRAY['REMIND', 'OVERDUE', 'DIRECTOR'])[g % 3 + 1] AS kind
      FROM generate_series(0, $SERVICE_TIMERS - 1) g JOIN sweep_ticket t ON t.n = g % (SELECT count(*) FROM sweep_ticket);
    BEGIN;
    INSERT INTO ticket_timer (company_id, ticket_id, cycle, kind, due_at, settings_version)
      SELECT company_id, ticket_id, cycle, kind, now(), settings_version FROM sweep;
    INSERT INTO due_task (company_id, kind, task_key, due_at, payload)
      SELECT company_id, 'service.ticket-timer', 'ticket:' || ticket_id || ':' || cycle || ':' || kind, now(),
             jsonb_build_object('ticketId', ticket_id, 'cycle', cycle, 'timer', kind)
      FROM sweep ORDER BY ticket_id, kind;
    SELECT (SELECT min(id) FROM due_task WHERE created_at = now()), extract(epoch FROM now());
    COMMIT;
SQL
)
  local pending done_ failed waited=0
  while :; do
    read -r pending done_ failed < <(sql "SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'DONE'),
      count(*) FILTER (WHERE status = 'FAILED' OR attempts > 1 OR last_error IS NOT NULL)
      FROM due_task WHERE id >= $first AND kind = 'service.ticket-timer'" | tr '|' ' ')
    [ "$pending" = 0 ] && break
    [ "$waited" -ge "$SWEEP_TIMEOUT" ] && { echo "sweep: $pending still pending after $SWEEP_TIMEOUT s" >&2; break; }
    sleep 1; waited=$((waited + 1))
  done
  local secs per_min lag
  read -r secs per_min lag < <(sql "SELECT round(extract(epoch FROM max(done_at)) - $t0, 1),
      round($done_ / greatest(extract(epoch FROM max(done_at)) - $t0, 0.001) * 60),
      round(extract(epoch FROM max(done_at) - min(due_at)), 1)
      FROM due_task WHERE id >= $first AND kind = 'service.ticket-timer' AND status = 'DONE'" | tr '|' ' ')
  {
    echo
    echo "### Timer sweep ($SERVICE_TIMERS ticket timers due at once, REMIND / OVERDUE / DIRECTOR in turn; the app's poller runs them)"
    echo
    echo "| timers | done | failed or retried | still pending | last done after s | timers / min | target | load average before / after |"
    echo "|---|---|---|---|---|---|---|---|"
    echo "| $SERVICE_TIMERS | $done_ | $failed | $pending | $secs | $per_min | ≥ 10,000 / min | $la0 / $(loadavg) |"
  } | tee -a "$RESULTS"
}

service() {
  load_service
  prepare_inputs
  local stamp; stamp=$(date -u '+%Y-%m-%d %H:%M UTC')
  : >"$BENCH_DIR/wrk.err"
  local agent director; agent=$(login agent1) || exit 1; director=$(login servicedir) || exit 1
  local section; section=$(mktemp)
  {
    echo "Run of $stamp. Command: \`bench/service.sh\` (SECONDS_EACH=$SECONDS_EACH, RUNS=$RUNS; see bench/README.md)."
    echo "Data: $(sql "SELECT count(*) FROM customer WHERE company_id = $COMPANY") customers,"\
      "$(sql "SELECT count(*) FROM ticket WHERE company_id = $COMPANY") tickets,"\
      "$(sql "SELECT count(*) FROM return_visit WHERE company_id = $COMPANY") return visits,"\
      "$(sql "SELECT count(*) FROM kb_article WHERE company_id = $COMPANY") knowledge articles."
    echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/^Mem/ { print $2 }') GiB;"\
      "$("$JAVA" -version 2>&1 | head -1); $(pgbench --version); wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)."
    echo "Load average before: $(loadavg)."
    echo
    echo "### Reads as agent1 (wrk bench/wrk/read.lua) vs pgbench of the same SELECT, alternating"
    echo
    echo "| read | clients | Yewu req/s min / median / max | Yewu p50 ms | Yewu p95 ms min / median / max | Yewu p99 ms | target p95 | pgbench tps min / median / max | Yewu ÷ pgbench | failed | load average |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
  } >"$section"
  tee -a "$RESULTS" <"$section"
  part() { [[ " $SERVICE_PARTS " == *" $1 "* ]]; }
  if part lookup; then RESULTS=$section.rows measure_read "customer look-up (phone prefix, name piece, credit code)" "$IN/lookup.paths" "$IN/lookup" "$agent" "< 30 ms"; fi
  if part kb; then RESULTS=$section.rows measure_read "knowledge search (common words, 2- and 4-character pieces)" "$IN/kb.paths" "$IN/kb" "$agent" "< 50 ms"; fi
  if part weekly; then RESULTS=$section.rows measure_weekly "$director"; fi
  if part sweep; then RESULTS=$section.rows measure_sweep; fi
  {
    echo
    echo "Load average after: $(loadavg). Non-2xx answers and pgbench failures are counted in \"failed\"; the first"\
      "three of each wrk run are in \$BENCH_DIR/wrk.err."
  } >>"$section.rows"
  cat "$section.rows" >>"$RESULTS"; cat "$section.rows" >>"$section"; rm -f "$section.rows"
  if grep -q '<!-- bench:service-begin -->' "$PERF_DOC"; then
    awk -v f="$section" '/<!-- bench:service-begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
                         /<!-- bench:service-end -->/ { skip = 0 } !skip' "$PERF_DOC" >"$PERF_DOC.tmp" && mv "$PERF_DOC.tmp" "$PERF_DOC"
  fi
  rm -f "$section"
  [ -s "$BENCH_DIR/wrk.err" ] && { echo "wrk reported failures:" >&2; head -5 "$BENCH_DIR/wrk.err" >&2; }
  return 0
}

service
