#!/usr/bin/env bash
# Issue 9's bulk figures, one command: starts the packaged Yewu (the build's AOT cache, port 8082, data in
# $BULK_DIR, fresh), imports a generated 100,000-row .xlsx as the business manager (time and the server's peak
# resident memory), then, after DIST_WARMUP (10) unmeasured distributions, distributes 1,000 of the pooled leads three
# times (min / median / max) and reads a pool page of 200. Each line carries the load average. Needs target/yewu
# (./mvnw package on JDK 25). BULK_JAVA_OPTS: extra JVM flags (none by default: the README's defaults are measured).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(realpath -m "${BULK_DIR:-/tmp/yewu-bulk}")
PORT=${BULK_PORT:-8082}
ROWS=${ROWS:-100000}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
# the README's JVM defaults (pom.xml <yewu.heap>), so that the figures are those of the documented start
YEWU_HEAP=${YEWU_HEAP:-$(sed -n 's:.*<yewu.heap>\(.*\)</yewu.heap>.*:\1:p' pom.xml)}
BASE=http://localhost:$PORT
load() { cut -d' ' -f1-3 /proc/loadavg; }
bulk() { "$JAVA" -cp "target/yewu/lib/*" bench/src/Bulk.java "$BASE" "$@"; }

rm -rf "$DIR"; mkdir -p "$DIR"
(cd target/yewu && exec "$JAVA" $YEWU_HEAP -XX:AOTCache=yewu.aot -Dspring.aot.enabled=true ${BULK_JAVA_OPTS:-} -jar yewu.jar --yewu.data-dir="$DIR" --server.port="$PORT" >"$DIR/app.log" 2>&1) &
for _ in $(seq 1 1200); do curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break; sleep 0.25; done
PID=$(pgrep -f -- "--yewu.data-dir=$DIR" | head -1)
trap 'kill $PID 2>/dev/null || true' EXIT
rss() { awk '/VmHWM|VmRSS/ {printf "%s %d MB  ", $1, $2/1024}' /proc/"$PID"/status; }
bulk xlsx "$DIR/customers.xlsx" "$ROWS"
echo "before import: $(rss)"
echo "$(bulk import "$DIR/customers.xlsx")  (load average $(load))"
echo "after import: $(rss)"
# the distribution's own code is compiled while it runs: DIST_WARMUP distributions first, printed but not in the
# three measured (the first ones right after the import also share the machine with autovacuum of its 100,000 rows)
for i in $(seq 1 "${DIST_WARMUP:-10}"); do echo "warm-up: $(bulk distribute 1000)  (load average $(load))"; done
for i in 1 2 3; do echo "$(bulk distribute 1000)  (load average $(load))"; done
echo "$(bulk pool)  (load average $(load))"
echo "end: $(rss)"
