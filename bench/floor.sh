#!/usr/bin/env bash
# The machine's floor for an HTTP read (bench/README.md "Floor"): on the started and loaded bench app, for each read
# kind and each concurrency, alternating in one run:
#   Yewu             wrk, the request of bench/run.sh measure (logged in, the whole request path)
#   floor            wrk, bench/floor/Floor.java answering with the rows of the same SELECT (one servlet on embedded
#                    Tomcat, a PgJDBC connection per worker thread: no framework)
#   floor as sent    the same server running what Yewu sends for it (the session row read first, then the kind's
#                    "as sent" statements: the duplicate check with its quota, the detail's SELECTs, a search)
#   pgbench          the SELECT alone, and as sent (bench/read_inputs.sh's scripts, as in bench/run.sh measure)
# so that "Yewu ÷ pgbench" splits into what any Java HTTP service on this machine pays (floor ÷ pgbench) and what
# Yewu's request path adds (Yewu ÷ floor as sent). FLOOR_KINDS, READ_CLIENTS, RUNS, SECONDS_EACH as in run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/run.sh
# (not the detail: Yewu sends its SELECTs in one pipeline, which the floor does not model)
FLOOR_KINDS=${FLOOR_KINDS:-"duplicates search2-sales search2-manager search4-manager"}
FLOOR_PORT=${FLOOR_PORT:-18190}
app_pid >/dev/null || { echo "bench app not running (bench/run.sh start)" >&2; exit 1; }
pg_password
prepare_inputs >/dev/null
in=$BENCH_DIR/input
# the PgJDBC and Tomcat of Yewu's build (the newest in the local Maven repository)
newest() { find ~/.m2/repository/"$1" -name "$2-[0-9]*.jar" | sort -V | tail -1; }
cp=$(newest org/postgresql/postgresql postgresql):$(newest org/apache/tomcat/embed/tomcat-embed-core tomcat-embed-core)
[ "${cp#:}" = "$cp" ] && [ "${cp%:}" = "$cp" ] || { echo "no PgJDBC or Tomcat jar under ~/.m2 (build Yewu first)" >&2; exit 1; }

FLOOR_THREADS=$(echo $READ_CLIENTS | tr ' ' '\n' | sort -n | tail -1) \
"$JAVA" -Xmx128m -cp "$cp" bench/floor/Floor.java "$FLOOR_PORT" "$in/pgb" "$COMPANY" \
  >"$BENCH_DIR/floor.log" 2>&1 &
floor_pid=$!
trap 'kill $floor_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do curl -sf -o /dev/null "http://127.0.0.1:$FLOOR_PORT/duplicates/1" && break; sleep 0.1; done

# the floor's request paths: /<script>/<n>[?session], the same n as the Yewu paths use
floor_paths() { # kind suffix query
  local f=$BENCH_DIR/floor-$1$2.paths; : >"$f"
  local s n
  for s in "$in/pgb/$1$2".*.sql; do n=${s%.sql}; echo "/$1$2/${n##*.}$3" >>"$f"; done
  echo "$f"
}
floor_wrk() { BASE=http://127.0.0.1:$FLOOR_PORT run_wrk read.lua "$@"; }
# the median of the arguments (run.sh's mmm gives min / median / max of stdin)
med() { printf '%s\n' "$@" | mmm | awk -F' / ' '{ print $2 }'; }

stamp=$(date -u '+%Y-%m-%d %H:%M UTC')
{
  echo
  echo "## Floor of $stamp"
  echo
  echo "Command: \`bench/floor.sh\` (FLOOR_KINDS=\"$FLOOR_KINDS\", READ_CLIENTS=\"$READ_CLIENTS\", RUNS=$RUNS, SECONDS_EACH=$SECONDS_EACH). Machine: $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)."
  echo
  echo "| read | clients | Yewu req/s (p95 ms) | floor req/s (p95) | floor as sent req/s (p95) | pgbench tps | pgbench as sent tps | floor ÷ pgbench | floor as sent ÷ pgbench as sent | Yewu ÷ floor as sent | load average |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} | tee -a "$RESULTS"
for kind in $FLOOR_KINDS; do
  who=$(login bench01); case $kind in *manager) who=$(login manager) ;; esac
  plain=$(floor_paths "$kind" "" ""); sent=$(floor_paths "$kind" -as-sent "?session")
  scripts=(); for f in "$in/pgb/$kind".*.sql; do scripts+=(-f "$f"); done
  sent_scripts=(); for f in "$in/pgb/$kind"-as-sent.*.sql; do sent_scripts+=(-f "$f"); done
  mode=prepared; case $kind in search*) mode=extended ;; esac
  # unmeasured: the JIT of both servers and the plans of every connection
  SECONDS_EACH=${WARM_SECONDS:-8} BENCH_SESSIONS="$who" run_wrk read.lua 8 "$in/$kind.paths" >/dev/null
  SECONDS_EACH=${WARM_SECONDS:-8} BENCH_SESSIONS="$who" floor_wrk 8 "$plain" >/dev/null
  SECONDS_EACH=${WARM_SECONDS:-8} BENCH_SESSIONS="$who" floor_wrk 8 "$sent" >/dev/null
  for c in $READ_CLIENTS; do
    y=(); yp=(); f=(); fp=(); s=(); sp=(); p=(); ps=(); r1=(); r2=(); r3=(); la=()
    for _ in $(seq 1 "$RUNS"); do
      la+=("$(loadavg | cut -d' ' -f1)")
      read -r rps _ p95 _ _ < <(BENCH_SESSIONS="$who" run_wrk read.lua "$c" "$in/$kind.paths"); y+=("$rps"); yp+=("$p95")
      read -r frps _ fp95 _ _ < <(BENCH_SESSIONS="$who" floor_wrk "$c" "$plain"); f+=("$frps"); fp+=("$fp95")
      read -r srps _ sp95 _ _ < <(BENCH_SESSIONS="$who" floor_wrk "$c" "$sent"); s+=("$srps"); sp+=("$sp95")
      read -r tps _ _ _ < <(run_pgbench "$c" "${scripts[@]}"); p+=("$tps")
      read -r stps _ _ _ < <(PGBENCH_MODE=$mode run_pgbench "$c" "${sent_scripts[@]}"); ps+=("$stps")
      r1+=("$(awk -v a="$frps" -v b="$tps" 'BEGIN { printf "%.2f", a / b }')")
      r2+=("$(awk -v a="$srps" -v b="$stps" 'BEGIN { printf "%.2f", a / b }')")
      r3+=("$(awk -v a="$rps" -v b="$srps" 'BEGIN { printf "%.2f", a / b }')")
    done
    row "| $kind | $c | $(med "${y[@]}") ($(med "${yp[@]}")) | $(med "${f[@]}") ($(med "${fp[@]}")) | $(med "${s[@]}") ($(med "${sp[@]}")) | $(med "${p[@]}") | $(med "${ps[@]}") | $(printf '%s\n' "${r1[@]}" | mmm2) | $(printf '%s\n' "${r2[@]}" | mmm2) | $(printf '%s\n' "${r3[@]}" | mmm2) | ${la[*]} |"
  done
done
echo "(medians of $RUNS runs; ratios min / median / max, per run)" | tee -a "$RESULTS"
