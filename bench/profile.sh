#!/usr/bin/env bash
# A CPU profile of the running bench app under one kind of load (bench/README.md "Profile"):
#   bench/profile.sh create|list-sales|list-manager|duplicates|search2-sales|search2-manager|search4-manager|detail [CLIENTS] [SECONDS]
# warms the path for WARM_SECONDS (20) at the same concurrency, then records PROFILE_SECONDS (SECONDS, 20) with
# async-profiler (itimer: perf's cpu event counts the kernel's task switches into the JVM) while wrk keeps the load on.
# Writes $BENCH_DIR/profile-<kind>.collapsed and .html, and prints the share of samples under a few frames that
# tell where a request's CPU goes. async-profiler: $ASYNC_PROFILER (the .so), else 4.2 from Maven Central.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/run.sh
kind=${1:?kind}; clients=${2:-16}; seconds=${3:-20}
AP=${ASYNC_PROFILER:-$BENCH_DIR/async-profiler/linux-x64/libasyncProfiler.so}
if [ ! -f "$AP" ]; then
  mkdir -p "$BENCH_DIR/async-profiler"
  curl -sSfL -o "$BENCH_DIR/async-profiler.jar" \
    https://repo1.maven.org/maven2/tools/profiler/async-profiler/4.2/async-profiler-4.2-linux-x64.jar
  (cd "$BENCH_DIR/async-profiler" && unzip -o -q ../async-profiler.jar)
fi
pid=$(app_pid) || { echo "bench app not running (bench/run.sh start)" >&2; exit 1; }
jcmd=$(dirname "$JAVA")/jcmd
prepare_inputs >/dev/null
in=$BENCH_DIR/input
load() { # seconds
  if [ "$kind" = create ]; then
    local run=$(( $(cat "$BENCH_DIR/wrk-runs" 2>/dev/null || echo 0) + 1 )); echo "$run" >"$BENCH_DIR/wrk-runs"
    SECONDS_EACH=$1 BENCH_SESSIONS="$(login bench03);$(login bench04)" BENCH_RUN=$run run_wrk create.lua "$clients"
  else
    local who=bench01; case $kind in *manager) who=manager ;; esac
    SECONDS_EACH=$1 BENCH_SESSIONS="$(login $who)" run_wrk read.lua "$clients" "$in/$kind.paths"
  fi
}
load "${WARM_SECONDS:-20}" >/dev/null
out=$BENCH_DIR/profile-$kind
load $(( seconds + 2 )) >"$out.wrk" &
sleep 1
"$jcmd" "$pid" JVMTI.agent_load "$AP" "\"start,event=itimer,interval=1ms\"" >/dev/null
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
c0=$(cpu); sleep "$seconds"; c1=$(cpu)
"$jcmd" "$pid" JVMTI.agent_load "$AP" "\"dump,file=$out.html\"" >/dev/null
"$jcmd" "$pid" JVMTI.agent_load "$AP" "\"stop,file=$out.collapsed,collapsed\"" >/dev/null
wait
read -r rps p50 p95 p99 failed <"$out.wrk"
echo "$kind at $clients clients: $rps req/s, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, failed $failed"
awk -v rps="$rps" -v secs="$seconds" -v cpu_ms="$(( (c1 - c0) * 1000 / $(getconf CLK_TCK) ))" '
  { n = $NF; total += n; $NF = ""
    for (i in pat) if (index($0, pat[i])) hit[i] += n }
  BEGIN {
    pat["security filter chain"] = "FilterChainProxy";
    pat["session repository"] = "SessionRepository";
    pat["DispatcherServlet"] = "DispatcherServlet.doDispatch";
    pat["transaction begin/commit"] = "TransactionInterceptor";
    pat["PgJDBC"] = "org/postgresql";
    pat["socket write"] = "SocketOutputStream";
    pat["Jackson"] = "com/fasterxml/jackson";
    pat["logging"] = "ch/qos/logback";
    pat["metrics"] = "micrometer";
    pat["GC"] = "GC";
    pat["JIT compiler"] = "CompileBroker";
  }
  END {
    per = cpu_ms / (rps * secs)
    printf "JVM CPU %.1f s over %d s (/proc/PID/stat): %.3f ms per request; %d samples\n", cpu_ms / 1000, secs, per, total
    for (i in hit) printf "  %-34s %5.1f %%  %.3f ms/request\n", i, 100 * hit[i] / total, per * hit[i] / total
  }' "$out.collapsed" | sort -k1,1 -s
echo "flame graph: $out.html; stacks: $out.collapsed"
