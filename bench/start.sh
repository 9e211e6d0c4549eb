#!/usr/bin/env bash
# Start-up times (issue 9), launch → /actuator/health UP, each printed with the load average beside it.
#   bench/start.sh first      one first start on an empty data directory (then stopped)
#   bench/start.sh restart    3 restarts on the existing data directory: min / median / max
#   bench/start.sh stale      proves a cache from another build is refused (the jar is rebuilt, the cache kept)
# Runs the build's AOT cache (target/yewu/yewu.aot with target/yewu/yewu.jar, made by ./mvnw package on JDK 25) and
# Spring AOT's generated bean definitions (-Dspring.aot.enabled=true, decision 0046);
# PLAIN=1 runs java -jar target/yewu.jar without either, for comparison. Port 8082, data in $START_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(realpath -m "${START_DIR:-/tmp/yewu-start}")
PORT=${START_PORT:-8082}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
# the README's JVM defaults (pom.xml <yewu.heap>), so that the figures are those of the documented start
YEWU_HEAP=${YEWU_HEAP:-$(sed -n 's:.*<yewu.heap>\(.*\)</yewu.heap>.*:\1:p' pom.xml)}
RUNS=${RUNS:-3}
# the cache names its class path relatively (yewu.jar, lib/...), so the extracted application starts from its directory
if [ "${PLAIN:-0}" = 1 ]; then APP=target; CMD=("$JAVA" $YEWU_HEAP -jar yewu.jar); else APP=target/yewu; CMD=("$JAVA" $YEWU_HEAP -XX:AOTCache=yewu.aot -Dspring.aot.enabled=true -jar yewu.jar); fi

load() { cut -d' ' -f1-3 /proc/loadavg; }

# one start: prints milliseconds to health UP; leaves the pid in $DIR/start.pid
start_once() {
  mkdir -p "$DIR"
  local t0; t0=$(date +%s%N)
  (cd "$APP" && exec "${CMD[@]}" --yewu.data-dir="$DIR" --server.port="$PORT" >>"$DIR/start.log" 2>&1) &
  echo $! >"$DIR/start.pid"
  for _ in $(seq 1 6000); do
    if curl -sf "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      echo $(( ($(date +%s%N) - t0) / 1000000 )); return
    fi
    kill -0 "$(cat "$DIR/start.pid")" 2>/dev/null || { echo "Yewu exited; see $DIR/start.log" >&2; exit 1; }
    sleep 0.02
  done
  echo "no health UP in 120 s" >&2; exit 1
}

stop_once() {
  local pid; pid=$(cat "$DIR/start.pid")
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

case "${1:-restart}" in
  first)
    rm -rf "$DIR"
    before=$(load); ms=$(start_once); stop_once
    echo "first start, empty data directory: ${ms} ms (load average before: $before, after: $(load)) — ${CMD[*]}" ;;
  restart)
    [ -d "$DIR/pgdata" ] || { start_once >/dev/null; stop_once; }
    times=()
    for i in $(seq 1 "$RUNS"); do
      before=$(load); ms=$(start_once); stop_once
      echo "restart $i: ${ms} ms (load average $before)"; times+=("$ms")
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    echo "restart min/median/max: ${sorted[0]} / ${sorted[$(( ${#sorted[@]} / 2 ))]} / ${sorted[-1]} ms (load average now $(load)) — ${CMD[*]}" ;;
  stale)
    # a copy of the build (times kept), first as built, then with its jar changed as a rebuild changes it: the JVM
    # compares each class-path jar's size and modification time with those recorded in the cache and refuses it
    rm -rf "$DIR/stale"; mkdir -p "$DIR/stale"; cp -a target/yewu "$DIR/stale/"
    cd "$DIR/stale/yewu"
    for step in "as built" "after the jar changed"; do
      [ "$step" = "as built" ] || touch yewu.jar
      echo "-- cache $step:"
      "$JAVA" $YEWU_HEAP -XX:AOTCache=yewu.aot -Dspring.aot.enabled=true -Xlog:aot=info -Xlog:class+path=info -Dspring.context.exit=onRefresh -jar yewu.jar \
        --yewu.data-dir="$DIR/stale/data" --server.port=0 2>&1 \
        | grep -E "Using AOT-linked classes|not the one used|mismatch" | head -4 || true
      # onRefresh halts the JVM without its shutdown hooks: stop the embedded server it left
      pid=$(head -1 "$DIR/stale/data/pgdata/postmaster.pid" 2>/dev/null) && kill -TERM "$pid" 2>/dev/null || true
      while [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    done ;;
  *) echo "usage: $0 first|restart|stale" >&2; exit 2 ;;
esac
