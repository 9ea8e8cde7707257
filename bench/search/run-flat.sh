#!/usr/bin/env bash
# Exact search over HTTP against a native brute-force scan on the same rows and queries, in one run:
# 100k x 128 seeded clustered vectors (1,000 clusters), k = 10, Quiver at concurrency 1, 2 and 4
# against the C scan on 1 and 2 threads. Checks Quiver's hits are as near as the native scan's.
# Usage: [ROWS=100000 DURATION=20 PORT=19530 MANAGEMENT_PORT=9091 JAVA_HOME=...] bench/search/run-flat.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-100000}
SECONDS_PER_RUN=${DURATION:-20}
PORT=${PORT:-19530}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-9091}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
URL=http://127.0.0.1:$PORT
TOKEN=root:bench-pass
WORK=$(mktemp -d)
trap 'kill -TERM "${PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
./mvnw -B -q package -DskipTests
gcc -O3 -march=native -ffast-math -pthread -o "$WORK/flat_scan" bench/search/flat_scan.c
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $("$JAVA" -version 2>&1 | head -1); gcc $(gcc -dumpversion)"
"$JAVA" -Xms4g -Xmx4g --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -jar target/quiver.jar --quiver.auth.root-password=bench-pass \
  --quiver.data-dir="$WORK/data" --server.port="$PORT" --management.server.port="$MANAGEMENT_PORT" >"$WORK/quiver.log" 2>&1 &
PID=$!
until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" >/dev/null; do sleep 0.2; done
grep -o 'Distance kernels: .*' "$WORK/quiver.log"
java bench/service/ServiceBench.java load "$URL" "$TOKEN" flat "$ROWS" 128 4 FLAT
java bench/service/ServiceBench.java export "$URL" "$TOKEN" flat "$ROWS" 128 "$WORK"
"$WORK/flat_scan" "$WORK" 128 2
java bench/service/ServiceBench.java check "$URL" "$TOKEN" flat 100 128 "$WORK"
# Half a minute of searches first: on two cores the JIT needs about that long to compile the
# service's request path, and figures taken before then are the compiler's, not the service's.
java bench/service/ServiceBench.java throughput "$URL" "$TOKEN" flat 30 128 2 >/dev/null
for clients in 1 2 4; do
  java bench/service/ServiceBench.java throughput "$URL" "$TOKEN" flat "$SECONDS_PER_RUN" 128 "$clients"
done
