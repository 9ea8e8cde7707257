#!/usr/bin/env bash
# Quiver's search benchmark, side by side with hnswlib (C++, the native reference) and pgvector in
# PGlite (PostgreSQL compiled to WebAssembly, single-threaded), on the same vectors and queries in
# one run. For each data set: build times, insert rows/s, and for each ef recall@10 against exact
# ground truth with queries/s (p50/p99) at 1, 2 and 4 clients (threads for hnswlib); filtered
# search at 10% and 1% selectivity; for the 1M set, the same after deleting half the rows. Writes
# bench/results/ann-<time>.jsonl, the table bench/results/ann-report.md and the chart
# bench/ann-chart.svg (queries/s against recall@10 per system).
#
# Usage: bench/run.sh [100k|1m|fashion|all]   (default 100k; all takes about an hour)
#        environment: DATA (data cache, default /tmp/quiver-ann-data), DURATION (seconds per measurement, 10),
#        PORT/MANAGEMENT_PORT (29530/29091), JAVA_HOME
set -euo pipefail
cd "$(dirname "$0")/.."
WHICH=${1:-100k}
DATA=${DATA:-/tmp/quiver-ann-data}
SECONDS_PER_RUN=${DURATION:-10}
PORT=${PORT:-29530}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-29091}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
URL=http://127.0.0.1:$PORT
TOKEN=root:bench-pass
STAMP=$(date -u +%Y%m%dT%H%MZ)
RESULTS=bench/results/ann-$STAMP.jsonl
WORK=$(mktemp -d)
PID=
trap 'stop_quiver; rm -rf "$WORK"' EXIT
mkdir -p bench/results "$DATA"

need() { # Debian packages the benchmark needs, installed when missing
  local missing=()
  for package in "$@"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null
  fi
}
need libhnswlib-dev wrk g++ dataset-fashion-mnist
make -s -C bench/ann
[ -d bench/ann/node_modules ] || (cd bench/ann && npm ci --silent)
./mvnw -B -q package -DskipTests

dataset() { # name -> directory with base, queries and ground truth (generated once, then cached)
  local dir=$DATA/$1
  if [ ! -f "$dir/meta.json" ]; then
    case $1 in
      clustered-100k) bench/ann/gen clustered 100000 128 1000 42 "$dir" >&2 ;;
      clustered-1m) bench/ann/gen clustered 1000000 128 1000 42 "$dir" >&2 ;;
      fashion-mnist) bench/ann/gen fashion "$dir" >&2 ;;
    esac
  fi
  echo "$dir"
}

start_quiver() {
  if curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" >/dev/null 2>&1; then
    echo "something already answers on port $MANAGEMENT_PORT: stop it, or set PORT and MANAGEMENT_PORT" >&2
    exit 1
  fi
  rm -rf "$WORK/data"
  "$JAVA" -Xms8g -Xmx8g --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -jar target/quiver.jar --quiver.auth.root-password=bench-pass \
    --quiver.data-dir="$WORK/data" --server.port="$PORT" --management.server.port="$MANAGEMENT_PORT" >"$WORK/quiver.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" >/dev/null; do sleep 0.2; done
}
stop_quiver() {
  if [ -n "$PID" ]; then kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi
}
heap_mb() { # heap in use after two full collections
  jcmd "$PID" GC.run >/dev/null; sleep 1; jcmd "$PID" GC.run >/dev/null
  jcmd "$PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); print v / 1024; exit } }'
}
quiver() { # dir index M efConstruction ef-list [filter] [deletes]
  local dir=$1 index=$2 m=$3 efc=$4 efs=$5 filter=${6:-} deletes=${7:-}
  start_quiver
  local empty full rows name
  empty=$(heap_mb)
  # The same rows without graphs first, in the same JVM: the write path's figure to compare with,
  # and a warm JIT for the load with graphs (the next load drops this collection).
  java bench/ann/QuiverPeer.java load "$URL" "$TOKEN" "$dir" FLAT 0 0 10 "$SECONDS_PER_RUN" | tee -a "$RESULTS"
  java bench/ann/QuiverPeer.java load "$URL" "$TOKEN" "$dir" "$index" "$m" "$efc" "$efs" "$SECONDS_PER_RUN" | tee -a "$RESULTS"
  full=$(heap_mb)
  rows=$(sed -n 's/.*"n":\([0-9]*\).*/\1/p' "$dir/meta.json")
  # The dataset's name as the other records give it (meta.json's, not the directory's).
  name=$(sed -n 's/.*"name":"\([^"]*\)".*/\1/p' "$dir/meta.json")
  awk -v e="$empty" -v f="$full" -v n="$rows" -v i="$index" -v m="$m" -v d="$name" 'BEGIN {
    printf "{\"system\":\"quiver\",\"dataset\":\"%s\",\"indexType\":\"%s\",\"M\":%d,\"measure\":\"heap\",\"heap_bytes_per_vector\":%.0f}\n", d, i, m, (f - e) * 1048576 / n }' \
    | tee -a "$RESULTS"
  java bench/ann/QuiverPeer.java search "$URL" "$TOKEN" "$dir" "$index" "$m" "$efc" "$efs" "$SECONDS_PER_RUN" $filter | tee -a "$RESULTS"
  if [ -n "$deletes" ]; then
    java bench/ann/QuiverPeer.java deletes "$URL" "$TOKEN" "$dir" "$index" "$m" "$efc" "$efs" "$SECONDS_PER_RUN" | tee -a "$RESULTS"
  fi
  stop_quiver
}

echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $("$JAVA" -version 2>&1 | head -1); node $(node --version)" | tee "$WORK/machine"
run_set() { # dataset M efConstruction quiver-efs hnswlib-efs pglite-efs [pglite] [deletes]
  local dir
  dir=$(dataset "$1")
  bench/ann/hnswlib_peer "$dir" "$2" "$3" "$5" 1,2 filter | tee -a "$RESULTS"
  quiver "$dir" AUTOINDEX "$2" "$3" "$4" filter "${8:-}"
  if [ "${7:-}" = pglite ]; then
    node bench/ann/pglite_peer.mjs "$dir" "$2" "$3" "$6" filter | tee -a "$RESULTS"
  fi
}
case $WHICH in
  100k) run_set clustered-100k 16 64 10,20,32,64 10,20,40,80 10,20,40,80 pglite ;;
  1m) run_set clustered-1m 16 100 16,32,64,128 20,40,80,160 - - deletes ;;
  fashion) run_set fashion-mnist 16 64 10,16,32,64 10,20,40,80 10,20,40,80 pglite ;;
  all)
    run_set clustered-100k 16 64 10,20,32,64 10,20,40,80 10,20,40,80 pglite
    run_set fashion-mnist 16 64 10,16,32,64 10,20,40,80 10,20,40,80 pglite
    run_set clustered-1m 16 100 16,32,64,128 20,40,80,160 - - deletes ;;
esac
node bench/ann/report.mjs "$RESULTS" "$WORK/machine" bench/results/ann-report.md bench/ann-chart
cat bench/results/ann-report.md
