#!/usr/bin/env bash
# Build step (pom.xml, profile aot-cache, JDK 25+): extracts <target>/yewu.jar to <target>/yewu/ and trains the
# JVM's AOT cache for it by one start on a fresh data directory that exits once the application context is ready.
# The cache records the class path (each jar's size and time); a cache from another build is refused by the JVM.
set -euo pipefail
JAVA=$1
TARGET=$2
HEAP=${3:--Xmx320m} # pom.xml <yewu.heap>: trained with the heap it will run with
APP=$TARGET/yewu
DATA=$TARGET/aot-training
rm -rf "$DATA" "$APP"
# the jar extracted afresh (yewu.jar + lib/, nothing left from an older build), as the cache needs plain jars
"$JAVA" -Djarmode=tools -jar "$TARGET/yewu.jar" extract --destination "$APP"
cd "$APP"
# relative class path (yewu.jar and its lib/ from the manifest): the cache is valid wherever target/yewu is copied
# trained as it runs: with Spring AOT's generated bean definitions (decision 0046), whose classes the cache then holds
if "$JAVA" $HEAP -XX:AOTCacheOutput=yewu.aot -Dspring.aot.enabled=true -Xlog:aot=warning -Xlog:cds=warning -Dspring.context.exit=onRefresh \
     -jar yewu.jar --yewu.data-dir="$DATA" --server.port=0 --yewu.demo-data.customers=0 >"$TARGET/aot-training.log" 2>&1 \
   && [ -s yewu.aot ]; then
  echo "AOT cache: $APP/yewu.aot ($(du -h yewu.aot | cut -f1))"
else
  echo "AOT cache not built (see $TARGET/aot-training.log); the application starts without it" >&2
  rm -f yewu.aot
fi
# spring.context.exit=onRefresh halts the JVM without its shutdown hooks: stop the embedded server it started
stop_pg() {
  local pidfile=$DATA/pgdata/postmaster.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(head -1 "$pidfile")
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}
stop_pg
rm -rf "$DATA"
