#!/usr/bin/env bash
# Yewu benchmark harness (bench/README.md): Yewu over HTTP (wrk) and pgbench of the same work, alternating in one
# run at the same concurrency, 3 runs each, min/median/max, the load average beside every figure.
#   bench/run.sh all        build if needed, start, load the data once, measure, stop; writes the table
#   bench/run.sh start|stop|load|measure|coldstart   one step
# The table goes to $BENCH_DIR/results.md and, with BENCH_DOC=1 (what `all` on the lead's machine uses), replaces
# the section between the "bench:begin" and "bench:end" markers of docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/pgbench_log.sh
ROOT=$PWD

BENCH_DIR=${BENCH_DIR:-/tmp/yewu-bench}
PORT=${BENCH_PORT:-18180}
export PGHOST=127.0.0.1 PGPORT=${BENCH_PG_PORT:-54329} PGUSER=postgres PGDATABASE=postgres
# the embedded server's superuser password, generated on its first start (docs/operations.md)
pg_password() { if [ -f "$BENCH_DIR/pgdata.password" ]; then PGPASSWORD=$(cat "$BENCH_DIR/pgdata.password"); export PGPASSWORD; fi; }
pg_password
BASE=http://127.0.0.1:$PORT
JAR=${BENCH_JAR:-target/yewu.jar}
# the README's JVM defaults (pom.xml <yewu.heap>), so that the figures are those of the documented start
YEWU_HEAP=${YEWU_HEAP:-$(sed -n 's:.*<yewu.heap>\(.*\)</yewu.heap>.*:\1:p' pom.xml)}
SECONDS_EACH=${SECONDS_EACH:-10}          # each wrk or pgbench run
RUNS=${RUNS:-3}
CREATE_CLIENTS=${CREATE_CLIENTS-"1 8 16"}
READ_CLIENTS=${READ_CLIENTS-"1 16"}
READS=${READS-"list-sales list-manager duplicates search2-sales search2-manager search4-manager detail"}
RESULTS=$BENCH_DIR/results.md
export BENCH_WRK_DIR=$ROOT/bench/wrk

# a JDK 21 or newer: JAVA_HOME if it is one, else the newest under /usr/lib/jvm
java_bin() {
  for j in "${JAVA_HOME:-/nonexistent}/bin/java" $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV) java; do
    if [ -x "$(command -v "$j" 2>/dev/null)" ]; then
      v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
      if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then echo "$j"; return; fi
    fi
  done
  echo "no JDK 21+ found" >&2; exit 1
}
JAVA=$(java_bin)

app_pid() { [ -f "$BENCH_DIR/app.pid" ] && kill -0 "$(cat "$BENCH_DIR/app.pid")" 2>/dev/null && cat "$BENCH_DIR/app.pid"; }

# prints the milliseconds from launch until /actuator/health answered UP (bounded: 180 s). The documented start of the
# packaged jar: the README's heap, Spring AOT's generated bean definitions (decision 0046), no JVM AOT cache.
start() {
  if app_pid >/dev/null; then echo "already running" >&2; return; fi
  [ -f "$JAR" ] || ./mvnw -q -B -o package -DskipTests -DskipE2e
  mkdir -p "$BENCH_DIR"
  local t0; t0=$(date +%s%N)
  "$JAVA" $YEWU_HEAP -Dspring.aot.enabled=true ${BENCH_JAVA_OPTS:-} -jar "$JAR" --yewu.data-dir="$BENCH_DIR" --server.port="$PORT" \
    --yewu.db.embedded-port="$PGPORT" >>"$BENCH_DIR/app.log" 2>&1 &
  echo $! >"$BENCH_DIR/app.pid"
  for _ in $(seq 1 3600); do
    if curl -sf -o /dev/null "$BASE/actuator/health"; then echo $(( ($(date +%s%N) - t0) / 1000000 )); return; fi
    kill -0 "$(cat "$BENCH_DIR/app.pid")" 2>/dev/null || { echo "Yewu exited; see $BENCH_DIR/app.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "Yewu did not answer in 180 s" >&2; exit 1
}

stop() {
  local pid; pid=$(app_pid) || return 0
  kill "$pid"
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "Yewu did not stop in 60 s" >&2; exit 1
}

load() {
  time psql -q -f bench/generate.sql
}

sql() { psql -Atq -c "$1"; }

# logs in like the UI: GET /api/auth/csrf (the session's token), POST /api/auth/login with it; prints
# "SESSION=<cookie>|<X-XSRF-TOKEN of the login's answer>"
login() {
  local attempt out
  # a loaded machine may answer 503 (no database connection within 2 s): try again a few times
  for attempt in 1 2 3 4 5; do
    if out=$(login_once "$1") && [ -n "${out%%|*}" ] && [ "${out%%|*}" != "SESSION=" ]; then echo "$out"; return; fi
    sleep 1
  done
  echo "login $1 failed 5 times" >&2; exit 1
}

login_once() {
  local jar tok hdr
  jar=$(mktemp)
  tok=$(curl -sf -c "$jar" -b "$jar" "$BASE/api/auth/csrf" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  hdr=$(curl -sf -D - -o /dev/null -c "$jar" -b "$jar" -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $tok" \
    -d "{\"username\":\"$1\",\"password\":\"Yewu@2026\"}" "$BASE/api/auth/login") || { rm -f "$jar"; return 1; }
  tok=$(echo "$hdr" | sed -n 's/^[Xx]-[Xx][Ss][Rr][Ff]-[Tt][Oo][Kk][Ee][Nn]: *//p' | tr -d '\r')
  echo "SESSION=$(awk '$6 == "SESSION" { print $7 }' "$jar")|$tok"
  rm -f "$jar"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# wrk SCRIPT CLIENTS [paths file] -> "rps p50 p95 p99 failed"
run_wrk() {
  local script=$1 c=$2 out
  out=$(BENCH_PATHS=${3:-} wrk -t "$(( c < 2 ? 1 : 2 ))" -c "$c" -d "${SECONDS_EACH}s" --timeout 10s \
    -s "bench/wrk/$script" "$BASE" 2>>"$BENCH_DIR/wrk.err") || { echo "wrk failed: $out" >&2; exit 1; }
  echo "$out" | grep -q '^RESULT' || { echo "wrk gave no result: $out" >&2; exit 1; }
  echo "$out" | sed -n 's/^RESULT requests=[0-9]* rps=\([0-9.]*\) p50=\([0-9.]*\) p95=\([0-9.]*\) p99=\([0-9.]*\) max=[0-9.]* failed=\([0-9]*\)/\1 \2 \3 \4 \5/p'
}

# pgbench CLIENTS script args... -> "tps latency-average failed p50 p99" (the last two from its per-transaction log).
# Planner settings are PostgreSQL's defaults, as on the application's connections since decision 0040: a prepared
# statement keeps its plan (until 2026-12-01 this ran with plan_cache_mode = force_custom_plan, which the application
# had left, so the reference planned every statement of the essential create anew and looked slower than it is)
run_pgbench() {
  local c=$1; shift
  local out logs; logs=$(mktemp -d)
  out=$(PGOPTIONS="-c role=yewu_app -c yewu.company_id=$COMPANY" pgbench -n -M "${PGBENCH_MODE:-prepared}" -l --log-prefix="$logs/pgbench_log" -c "$c" -j "$(( c < 2 ? 1 : 2 ))" -T "$SECONDS_EACH" "$@" 2>&1) \
    || { rm -rf "$logs"; echo "$out" >&2; exit 1; }
  echo "$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p') $(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p') \
$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p') $(log_percentiles "$logs"/pgbench_log.*)"
  rm -rf "$logs"
}

# min / median / max of numbers on stdin
mmm() { sort -g | awk '{ v[NR] = $1 } END { printf "%.1f / %.1f / %.1f", v[1], v[int((NR + 1) / 2)], v[NR] }'; }
mmm2() { sort -g | awk '{ v[NR] = $1 } END { printf "%.2f / %.2f / %.2f", v[1], v[int((NR + 1) / 2)], v[NR] }'; }

prepare_inputs() {
  local in=$BENCH_DIR/input; mkdir -p "$in"
  COMPANY=$(sql "SELECT id FROM company WHERE code = 'DEMO'")
  read -r SELLER DEPT < <(sql "SELECT id, department_id FROM app_user WHERE username = 'bench01'" | tr '|' ' ')
  MANAGER=$(sql "SELECT id FROM app_user WHERE username = 'manager'")
  # the readers' duplicate-check counts start from zero: a day of measured checks (a million and more) would otherwise
  # use up even the lifted quota and turn the last runs into 429s
  sql "DELETE FROM duplicate_check_quota" >/dev/null
  # 200 customers of bench01 (their names, mobiles and cities) drive the reads: the same inputs for Yewu and pgbench.
  # Only files of generate.sql: the creates of earlier runs (wrk's 压测… and pgbench's 杭州基准… names) share one
  # brand, so a search for it would match 100,000 files and the inputs would change from run to run
  sql "SELECT c.id, c.name, cc.phone, c.city FROM customer c JOIN customer_contact cc ON cc.customer_id = c.id
       WHERE c.owner_id = $SELLER AND c.name NOT LIKE '%压测%' AND c.name NOT LIKE '杭州基准%'
       ORDER BY md5(c.id::text) LIMIT 200" >"$in/hits.txt"
  bench/read_inputs.sh "$in/hits.txt" "$in" "$COMPANY" "$SELLER" "$MANAGER"
}

row() { echo "$@" | tee -a "$RESULTS"; }

# an unmeasured pass over every measured request (WARM_SECONDS each, 8 clients), so that a JVM just started has
# compiled its hot paths before the first figure: the first window after a start otherwise measures the JIT
warm_up() { # inputs-dir sales-session manager-session
  local s=${WARM_SECONDS:-8} kind who
  [ "$s" -gt 0 ] || return 0
  if [ -n "$CREATE_CLIENTS" ]; then
    local wrk_run=$(( $(cat "$BENCH_DIR/wrk-runs" 2>/dev/null || echo 0) + 1 )); echo "$wrk_run" >"$BENCH_DIR/wrk-runs"
    # as bench02, one of the creating users of the measured runs: bench01's files are the reads' inputs
    local creator; creator=$(login bench02) || exit 1
    SECONDS_EACH=$s BENCH_SESSIONS="$creator" BENCH_RUN=$wrk_run run_wrk create.lua 8 >/dev/null
  fi
  for kind in $READS; do
    who=$2; case $kind in *manager) who=$3 ;; esac
    SECONDS_EACH=$s BENCH_SESSIONS="$who" run_wrk read.lua 8 "$1/$kind.paths" >/dev/null
  done
  echo "(unmeasured warm-up: ${s} s of each measured request at 8 clients before the first figure)" | tee -a "$RESULTS"
}

measure() {
  prepare_inputs
  local in=$BENCH_DIR/input stamp; stamp=$(date -u '+%Y-%m-%d %H:%M UTC')
  : >"$BENCH_DIR/wrk.err"
  local sales manager; sales=$(login bench01) || exit 1; manager=$(login manager) || exit 1
  {
    echo
    echo "## Run of $stamp"
    echo
    echo "Command: \`bench/run.sh ${CMD:-measure}\` (SECONDS_EACH=$SECONDS_EACH, RUNS=$RUNS). Machine: $(nproc) cores,"\
      "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/^Mem/ { print $2 }') GiB;"\
      "$("$JAVA" -version 2>&1 | head -1); $(pgbench --version); wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)."
    echo "Load average before: $(loadavg)."
    echo
    echo "### Create customer (\`POST /api/customers\`, wrk bench/wrk/create.lua) vs pgbench bench/essential_create.pgbench"
    echo
    echo "The second reference, \"one statement\", is the same transaction with the rows after the look-up written as one"
    echo "statement (bench/essential_create_one_statement.pgbench), as Yewu writes them since decision 0049."
    echo
    echo "| clients | Yewu creates/s min / median / max | Yewu p50 ms | Yewu p99 ms | pgbench tps min / median / max | pgbench p50 ms | pgbench p99 ms | Yewu ÷ pgbench (per run) min / median / max | pgbench one statement tps min / median / max | Yewu ÷ one statement min / median / max | failed | load average |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  } | tee -a "$RESULTS"
  local counter=$BENCH_DIR/wrk-runs
  warm_up "$in" "$sales" "$manager"
  for c in $CREATE_CLIENTS; do
    local y=() p=() r=() p50=() p99=() g50=() g99=() o=() ro=() failed=0 la=()
    local sessions=""
    for i in $(seq 1 "$(( c < 2 ? 1 : 2 ))"); do
      local one; one=$(login "$(printf 'bench%02d' $((i + 1)))") || exit 1; sessions+="$one;"
    done
    for run in $(seq 1 "$RUNS"); do
      la+=("$(loadavg | cut -d' ' -f1)")
      local wrk_run=$(( $(cat "$counter" 2>/dev/null || echo 0) + 1 )); echo "$wrk_run" >"$counter"
      read -r rps l50 _ l99 f < <(BENCH_SESSIONS=$sessions BENCH_RUN=$wrk_run run_wrk create.lua "$c")
      read -r tps _ pf q50 q99 < <(run_pgbench "$c" -D company="$COMPANY" -D user="$SELLER" -D dept="$DEPT" -D run="$wrk_run" -D seq=0 \
        -f bench/essential_create.pgbench)
      # the one-statement form numbers its customers from 5,000 per client, past the first form's in the same run
      read -r otps _ of _ < <(run_pgbench "$c" -D company="$COMPANY" -D user="$SELLER" -D dept="$DEPT" -D run="$wrk_run" -D seq=5000 \
        -f bench/essential_create_one_statement.pgbench)
      y+=("$rps"); p+=("$tps"); p50+=("$l50"); p99+=("$l99"); g50+=("$q50"); g99+=("$q99"); o+=("$otps"); failed=$((failed + f + pf + of))
      r+=("$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", a / b }')")
      ro+=("$(awk -v a="$rps" -v b="$otps" 'BEGIN { printf "%.2f", a / b }')")
    done
    row "| $c | $(printf '%s\n' "${y[@]}" | mmm) | $(printf '%s\n' "${p50[@]}" | mmm) | $(printf '%s\n' "${p99[@]}" | mmm) | $(printf '%s\n' "${p[@]}" | mmm) | $(printf '%s\n' "${g50[@]}" | mmm) | $(printf '%s\n' "${g99[@]}" | mmm) | $(printf '%s\n' "${r[@]}" | mmm2) | $(printf '%s\n' "${o[@]}" | mmm) | $(printf '%s\n' "${ro[@]}" | mmm2) | $failed | ${la[*]} |"
  done
  {
    echo
    echo "### Reads (wrk bench/wrk/read.lua) vs pgbench of the same SELECT (bench/read_inputs.sh writes both)"
    echo
    echo "\"As sent\" is a second reference where Yewu's work differs from the SELECTs alone: the detail's SELECTs in one"
    echo "pipeline, one round trip, as Yewu sends them since decision 0050; the duplicate check with the reader's quota"
    echo "counted first (CUS-16); a name search planned for its values every time (pgbench -M extended), as Yewu sends a"
    echo "pattern match (decision 0040), where the first reference's prepared constants are planned once per connection;"
    echo "the business manager's list planned for its values every time, as PostgreSQL plans Yewu's (decision 0052)."
    echo "— where there is none."
    echo
    echo "| read | clients | Yewu req/s min / median / max | Yewu p50 ms | Yewu p95 ms min / median / max | pgbench tps min / median / max | Yewu ÷ pgbench min / median / max | pgbench as sent tps min / median / max | Yewu ÷ as sent min / median / max | failed | load average |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
  } | tee -a "$RESULTS"
  for read_kind in $READS; do
    local who=$sales
    case $read_kind in *manager) who=$manager ;; esac
    local scripts=() sent=()
    for f in "$in/pgb/$read_kind".*.sql; do scripts+=(-f "$f"); done
    for f in "$in/pgb/$read_kind"-as-sent.*.sql; do [ -f "$f" ] && sent+=(-f "$f"); done
    for c in $READ_CLIENTS; do
      local y=() p=() r=() p50=() p95=() s=() rs=() failed=0 la=()
      for run in $(seq 1 "$RUNS"); do
        la+=("$(loadavg | cut -d' ' -f1)")
        read -r rps l50 l95 _ f < <(BENCH_SESSIONS="$who" run_wrk read.lua "$c" "$in/$read_kind.paths")
        read -r tps _ pf _ < <(run_pgbench "$c" "${scripts[@]}")
        y+=("$rps"); p+=("$tps"); p50+=("$l50"); p95+=("$l95"); failed=$((failed + f + pf))
        r+=("$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", a / b }')")
        if [ ${#sent[@]} -gt 0 ]; then
          local mode=prepared; case $read_kind in search*|list-manager) mode=extended ;; esac
          read -r stps _ sf _ < <(PGBENCH_MODE=$mode run_pgbench "$c" "${sent[@]}")
          s+=("$stps"); failed=$((failed + sf)); rs+=("$(awk -v a="$rps" -v b="$stps" 'BEGIN { printf "%.2f", a / b }')")
        fi
      done
      local sent_cols="— | —"
      [ ${#s[@]} -gt 0 ] && sent_cols="$(printf '%s\n' "${s[@]}" | mmm) | $(printf '%s\n' "${rs[@]}" | mmm2)"
      row "| $read_kind | $c | $(printf '%s\n' "${y[@]}" | mmm) | $(printf '%s\n' "${p50[@]}" | mmm) | $(printf '%s\n' "${p95[@]}" | mmm) | $(printf '%s\n' "${p[@]}" | mmm) | $(printf '%s\n' "${r[@]}" | mmm2) | $sent_cols | $failed | ${la[*]} |"
    done
  done
  local pid rss; pid=$(app_pid || true)
  rss=$([ -n "$pid" ] && awk '/VmHWM/ { printf "%d MB peak (VmHWM)", $2 / 1024 }' "/proc/$pid/status" || echo "?")
  {
    echo
    echo "Resident size of the Yewu process after the run: $rss; $(awk '/VmRSS/ { printf "%d MB now", $2 / 1024 }' "/proc/$pid/status")."
    echo "Load average after: $(loadavg). Non-2xx answers or pgbench failures are counted in \"failed\"; the first"\
      "three of each wrk run are in $BENCH_DIR/wrk.err."
  } | tee -a "$RESULTS"
  [ -s "$BENCH_DIR/wrk.err" ] && { echo "wrk reported failures:" >&2; head -5 "$BENCH_DIR/wrk.err" >&2; }
  if [ "${BENCH_DOC:-0}" = 1 ]; then write_doc "$stamp"; fi
}

# replaces the measured table in docs/performance.md (between the bench:begin and bench:end markers)
write_doc() {
  local table; table=$(awk -v s="## Run of $1" '$0 == s { on = 1; next } on' "$RESULTS")
  awk -v t="$table" '/<!-- bench:begin -->/ { print; print t; skip = 1; next } /<!-- bench:end -->/ { skip = 0 } !skip' \
    docs/performance.md >docs/performance.md.new && mv docs/performance.md.new docs/performance.md
}

coldstart() {
  stop
  echo "Cold start with the existing bench database (launch to /actuator/health UP):" | tee -a "$RESULTS"
  for run in 1 2 3; do
    local ms; ms=$(start)
    echo "- run $run: ${ms} ms" | tee -a "$RESULTS"
    stop
  done
}

for tool in wrk pgbench psql curl; do command -v $tool >/dev/null || { echo "needs $tool (bench/README.md)" >&2; exit 1; }; done
# sourced (bench/service.sh): the functions above only
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0
case "${1:-all}" in
  start) start >/dev/null ;;
  stop) stop ;;
  load) pg_password; load ;;
  measure) pg_password; measure ;;
  coldstart) coldstart ;;
  # a managed server's view (decision 0038): `leakproof off` makes the name operators NOT LEAKPROOF, as on a server
  # where the owner is not a superuser, so that the app, restarted after it, takes the DEFINER path; `leakproof on`
  # restores them. Needs the app started (its embedded server runs with it).
  leakproof)
    pg_password
    case "${2:-}" in on) lp=LEAKPROOF ;; off) lp="NOT LEAKPROOF" ;; *) echo "usage: $0 leakproof on|off" >&2; exit 2 ;; esac
    psql -q -c "ALTER FUNCTION arraycontains(anyarray, anyarray) $lp" -c "ALTER FUNCTION texticlike(text, text) $lp" ;;
  all)
    start >/dev/null
    pg_password
    [ "$(sql "SELECT count(*) FROM app_user WHERE username = 'bench01'")" = 1 ] || load
    CMD=all BENCH_DOC=${BENCH_DOC:-1} measure
    stop
    ;;
  *) echo "usage: $0 [all|start|stop|load|measure|coldstart|leakproof on|off]" >&2; exit 2 ;;
esac
