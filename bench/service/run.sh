#!/usr/bin/env bash
# Service-level figures for the durability issue, on the embedded H2 store, one run:
#  1. search latency at 100k x 128 alone, then while 1,000-row inserts stream in;
#  2. heap per vector at 1M x 128 (heap after a full GC, minus the empty service's);
#  3. recovery of 1M x 128 rows to readiness after a graceful restart;
#  4. heap after a churn of 234k inserts and 224k deletes (8 clients) against the same live rows
#     freshly loaded (after a restart).
# Usage: [PORT=19530 MANAGEMENT_PORT=9091] bench/service/run.sh [rows-for-heap-and-recovery | churn]
#        (default 1000000 rows; 'churn' runs step 4 alone)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
[ "$ROWS" = churn ] && ROWS=0
./mvnw -B -q package -DskipTests   # always: a stale jar would measure old code
DATA=$(mktemp -d)
LOG=$DATA/quiver.log
TOKEN=root:bench-pass
PORT=${PORT:-19530}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-9091}
URL=http://127.0.0.1:$PORT
start() {
  java -Xms8g -Xmx8g --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -jar target/quiver.jar --quiver.auth.root-password=bench-pass --quiver.data-dir="$DATA" \
    --server.port="$PORT" --management.server.port="$MANAGEMENT_PORT" \
    >>"$LOG" 2>&1 &
  PID=$!
  T0=$(date +%s%N)
  until curl -sf http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness >/dev/null; do sleep 0.05; done
  echo "ready after $(( ($(date +%s%N) - T0) / 1000000 )) ms (JVM start included)"
}
# Churn, then the same number of live rows loaded fresh into another collection, in one JVM.
churn() {
  sleep 12 # the dropped collection's memory goes at the next GC
  local empty churned fresh live
  empty=$(heap_mb)
  live=$(java bench/service/ServiceBench.java churn "$URL" "$TOKEN" churned 234000 128 | tee /dev/stderr | sed -n 's/.*, \([0-9]*\) rows live/\1/p')
  sleep 25 # two compaction rounds (quiver.compaction-interval, 10 s)
  churned=$(heap_mb)
  java bench/service/ServiceBench.java load "$URL" "$TOKEN" fresh "$live" 128 4 >/dev/null
  fresh=$(heap_mb)
  # load sends whole batches of 1,000: scale the fresh figure to the churned row count.
  awk -v e="$empty" -v c="$churned" -v f="$fresh" -v n="$live" 'BEGIN { m = int((n + 999) / 1000) * 1000; s = (f - c) * n / m; printf "heap after GC: the churned collection (%d live rows) holds %.1f MB, as many rows freshly loaded %.1f MB: ratio %.2f\n", n, c - e, s, (c - e) / s }'
}
heap_mb() {
  jcmd "$PID" GC.run >/dev/null; sleep 1; jcmd "$PID" GC.run >/dev/null
  jcmd "$PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); print v / 1024; exit } }'
}
if [ "${1:-}" = churn ]; then # only the churn figure
  start; churn; kill -TERM "$PID"; wait "$PID" || true; exit 0
fi
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(java -version 2>&1 | head -1)"
start
BASE=$(heap_mb)
java bench/service/ServiceBench.java load "$URL" "$TOKEN" lat100k 100000 128 4
for run in 1 2 3; do
  java bench/service/ServiceBench.java latency "$URL" "$TOKEN" lat100k 2000 128 alone
  java bench/service/ServiceBench.java latency "$URL" "$TOKEN" lat100k 2000 128 inserting
done
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/v1/vector/collections/drop" -d '{"collectionName":"lat100k"}' >/dev/null
java bench/service/ServiceBench.java load "$URL" "$TOKEN" big "$ROWS" 128 4
FULL=$(heap_mb)
awk -v b="$BASE" -v f="$FULL" -v n="$ROWS" 'BEGIN { printf "heap after GC: %.0f MB empty, %.0f MB with %d rows: %.0f bytes per vector\n", b, f, n, (f - b) * 1048576 / n }'
kill -TERM "$PID"; wait "$PID" || true
start
grep -o 'Recovered .*' "$LOG" | tail -1
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/v1/vector/collections/drop" -d '{"collectionName":"big"}' >/dev/null
churn
kill -TERM "$PID"; wait "$PID" || true
echo "data and log in $DATA (remove when done)"
