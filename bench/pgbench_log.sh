# Sourced by bench/run.sh and bench/orders.sh.
# p50 / p99 (ms) of pgbench's per-transaction log lines (`pgbench -l`; third field: latency in microseconds)
log_percentiles() {
  cat "$@" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
    if (NR == 0) { print "- -"; exit }
    p50 = a[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p99 = a[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1]
    printf "%.2f %.2f\n", p50 / 1000, p99 / 1000 }'
}
