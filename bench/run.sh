#!/usr/bin/env bash
# Yewu benchmark harness: see bench/README.md.
#   bench/run.sh all        build if needed, start, load data once, measure everything, stop, time cold starts
#   bench/run.sh start|stop|load|measure|coldstart   one step
# Figures go to $BENCH_DIR/results.md (and the console); docs/performance.md quotes them.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/yewu-bench}
PORT=${BENCH_PORT:-18180}
export PGHOST=127.0.0.1 PGPORT=${BENCH_PG_PORT:-54329} PGUSER=postgres PGDATABASE=postgres
# the embedded server's superuser password, generated on its first start (docs/operations.md)
pg_password() { if [ -f "$BENCH_DIR/pgdata.password" ]; then PGPASSWORD=$(cat "$BENCH_DIR/pgdata.password"); export PGPASSWORD; fi; }
pg_password
BASE=http://localhost:$PORT
JAR=target/yewu.jar
CREATE_SECONDS=${CREATE_SECONDS:-20}
CLIENTS=${CLIENTS:-8}
RESULTS=$BENCH_DIR/results.md

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

# prints the milliseconds from launch until /actuator/health answered UP (bounded: 180 s)
start() {
  if app_pid >/dev/null; then echo "already running" >&2; return; fi
  [ -f "$JAR" ] || ./mvnw -q -B -o package -DskipTests -DskipE2e
  mkdir -p "$BENCH_DIR"
  local t0; t0=$(date +%s%N)
  "$JAVA" -jar "$JAR" --yewu.data-dir="$BENCH_DIR" --server.port="$PORT" --yewu.db.embedded-port="$PGPORT" \
    >>"$BENCH_DIR/app.log" 2>&1 &
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

measure() {
  local in=$BENCH_DIR/input; mkdir -p "$in"
  # inputs for the duplicate check: existing names, mobiles and cities (hits), and the same shapes that match nothing
  sql "SELECT c.name, cc.phone, c.city FROM customer c JOIN customer_contact cc ON cc.customer_id = c.id
       WHERE c.owner_id IS NOT NULL ORDER BY md5(c.id::text) LIMIT 1000" >"$in/hits.txt"
  # lead pool: keep at least 2,000 unassigned leads, then hand 1,000 of them to the distribution
  local pooled; pooled=$(sql "SELECT count(*) FROM customer WHERE owner_id IS NULL AND stage = 'LEAD'")
  [ "$pooled" -ge 2000 ] || psql -q -v n=$((2000 - pooled + 1000)) -f bench/leads.sql
  sql "SELECT id FROM customer WHERE owner_id IS NULL AND stage = 'LEAD' ORDER BY id LIMIT 1000" >"$in/leads.txt"
  # the salesperson whose pages are read owns ~4,900 customers
  sql "SELECT u.username, count(*) FROM app_user u JOIN customer c ON c.owner_id = u.id
       WHERE u.username = 'bench01' GROUP BY 1" | tr '|' ' ' >"$in/seller.txt"

  local load=("$JAVA" bench/src/Load.java "$BASE")
  {
    echo "## Run of $(date -Iseconds)"
    echo
    echo "| measurement | requests | p50 ms | p95 ms | p99 ms | max ms | notes |"
    echo "|---|---|---|---|---|---|---|"
    "${load[@]}" latency "$in/hits.txt" "$(cut -d' ' -f1 "$in/seller.txt")"
    "${load[@]}" distribute "$in/leads.txt"
    echo
    echo "Creating customers, $CLIENTS clients, $CREATE_SECONDS s each:"
    echo
    "${load[@]}" create "$CLIENTS" "$CREATE_SECONDS"
    pgbench_create
  } | tee -a "$RESULTS"
}

# the statements Yewu issues for one create (bench/create_customer.pgbench), same clients and duration
pgbench_create() {
  local c u
  c=$(sql "SELECT id FROM company WHERE code = 'DEMO'")
  u=$(sql "SELECT id FROM app_user WHERE username = 'bench02'")
  sql "INSERT INTO spring_session SELECT 'pgbench-' || g, 'pgbench-' || g, 0, 0, 28800, 0, 'bench02'
       FROM generate_series(0, $CLIENTS - 1) g ON CONFLICT DO NOTHING"
  local out; out=$(PGOPTIONS='-c role=yewu_app' pgbench -n -M prepared -c "$CLIENTS" -j 2 -T "$CREATE_SECONDS" \
    -D company="$c" -D user="$u" -f bench/create_customer.pgbench 2>&1) || { echo "$out" >&2; exit 1; }
  sql "DELETE FROM spring_session WHERE primary_id LIKE 'pgbench-%'"
  echo "- pgbench, the same statements: $(echo "$out" | grep -E '^tps' | sed 's/ (without initial connection time)//'),"\
       "$(echo "$out" | grep -E 'latency average'), $(echo "$out" | grep -E 'failed transactions')"
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

case "${1:-all}" in
  start) start >/dev/null ;;
  stop) stop ;;
  load) pg_password; load ;;
  measure) pg_password; measure ;;
  coldstart) coldstart ;;
  all)
    start >/dev/null
    pg_password
    [ "$(sql "SELECT count(*) FROM app_user WHERE username = 'bench01'")" = 1 ] || load
    measure
    coldstart
    ;;
  *) echo "usage: $0 [all|start|stop|load|measure|coldstart]" >&2; exit 2 ;;
esac
