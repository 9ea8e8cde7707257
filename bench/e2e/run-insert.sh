#!/usr/bin/env bash
# End-to-end durable-insert benchmark: Quiver over HTTP on H2 and on PostgreSQL, then pgvector in
# PGlite (WebAssembly) as the peer, and a table of medians and ratios. See bench/README.md,
# "End-to-end: durable insert".
#
# Settings (environment variables, defaults in brackets):
#   STORES       which Quiver stores to run, any of "h2 postgres" ["h2 postgres"]
#   PGLITE       1 runs the PGlite peer, 0 skips it [1]
#   ROWS DIM BATCH CONCURRENCY REPEATS WARMUP   [200000 128 1000 1,4 3 100000]
#   QUIVER_JAR   the jar to run [../../target/quiver.jar, built with ./mvnw package if missing]
#   PORT MGMT_PORT PG_PORT   loopback ports [19530 9091 55432]
#   JAVA_OPTS    [-Xmx4g]
#   RESULTS      where logs and JSON go [bench/results/e2e-<UTC time>] (git-ignored)
# PostgreSQL: uses Debian's postgresql package (initdb/pg_ctl under /usr/lib/postgresql/*/bin) and
# apt-get installs it when missing; the server runs as user postgres in a fresh temporary directory.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

STORES="${STORES:-h2 postgres}"
PGLITE="${PGLITE:-1}"
ROWS="${ROWS:-200000}"
DIM="${DIM:-128}"
BATCH="${BATCH:-1000}"
CONCURRENCY="${CONCURRENCY:-1,4}"
REPEATS="${REPEATS:-3}"
WARMUP="${WARMUP:-100000}"
PORT="${PORT:-19530}"
MGMT_PORT="${MGMT_PORT:-9091}"
PG_PORT="${PG_PORT:-55432}"
JAVA_OPTS="${JAVA_OPTS:--Xmx4g}"
QUIVER_JAR="${QUIVER_JAR:-$ROOT/target/quiver.jar}"
RESULTS="${RESULTS:-$ROOT/bench/results/e2e-$(date -u +%Y%m%dT%H%M%SZ)}"
PASSWORD=bench-pass
TOKEN="root:$PASSWORD"

mkdir -p "$RESULTS"
log() { printf '== %s\n' "$*" >&2; }
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
STARTED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

QUIVER_PID=""
PG_DATA=""
PG_BIN=""
PG_LOG=""
TMP_DIRS=()

cleanup() {
  if [[ -n "$QUIVER_PID" ]] && kill -0 "$QUIVER_PID" 2>/dev/null; then
    kill -TERM "$QUIVER_PID" 2>/dev/null || true
    wait "$QUIVER_PID" 2>/dev/null || true
  fi
  if [[ -n "$PG_DATA" && -n "$PG_BIN" ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  fi
  for d in "${TMP_DIRS[@]}"; do rm -rf "$d"; done
}
trap cleanup EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for p in "$PORT" "$MGMT_PORT"; do
  port_free "$p" || { echo "port $p on 127.0.0.1 is in use; set PORT / MGMT_PORT" >&2; exit 1; }
done

# ---------------------------------------------------------------- prerequisites

if [[ ! -f "$QUIVER_JAR" ]]; then
  log "building $QUIVER_JAR"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi
if [[ ! -d "$HERE/node_modules/@electric-sql/pglite-pgvector" ]]; then
  log "npm ci in $HERE"
  (cd "$HERE" && npm ci --no-audit --no-fund)
fi

# ---------------------------------------------------------------- Quiver

# start_quiver STORE [extra Spring arguments...]: starts the jar and waits for readiness.
start_quiver() {
  local store="$1"; shift
  local data_dir; data_dir="$(mktemp -d /tmp/quiver-bench-data.XXXXXX)"
  TMP_DIRS+=("$data_dir")
  log "starting Quiver ($store), log $RESULTS/quiver-$store.log"
  # shellcheck disable=SC2086
  java $JAVA_OPTS --add-modules jdk.incubator.vector -jar "$QUIVER_JAR" \
    --quiver.auth.root-password="$PASSWORD" \
    --quiver.data-dir="$data_dir" \
    --server.address=127.0.0.1 --server.port="$PORT" \
    --management.server.address=127.0.0.1 --management.server.port="$MGMT_PORT" \
    "$@" >"$RESULTS/quiver-$store.log" 2>&1 &
  QUIVER_PID=$!
  local deadline=$((SECONDS + 180))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness" || true)" == 200 ]]; do
    if ! kill -0 "$QUIVER_PID" 2>/dev/null; then
      echo "Quiver ($store) exited before it was ready; log tail:" >&2
      tail -n 60 "$RESULTS/quiver-$store.log" >&2
      QUIVER_PID=""
      exit 1
    fi
    if (( SECONDS > deadline )); then
      echo "Quiver ($store) not ready after 180 s; log tail:" >&2
      tail -n 60 "$RESULTS/quiver-$store.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  log "Quiver ($store) ready, pid $QUIVER_PID"
}

stop_quiver() {
  local store="$1"
  kill -TERM "$QUIVER_PID"
  local rc=0
  wait "$QUIVER_PID" || rc=$?
  QUIVER_PID=""
  # The JVM exits with 143 (128 + SIGTERM) after a graceful shutdown.
  log "Quiver ($store) stopped (exit status $rc)"
}

# bench_quiver STORE: runs the HTTP bench against the running Quiver; on failure prints the log tail.
bench_quiver() {
  local store="$1"
  if ! node "$HERE/insert-bench.mjs" --url "http://127.0.0.1:$PORT" --token "$TOKEN" \
      --rows "$ROWS" --dim "$DIM" --batch "$BATCH" --concurrency "$CONCURRENCY" \
      --repeats "$REPEATS" --warmup "$WARMUP" --label "$store" --server-pid "$QUIVER_PID" \
      --out "$RESULTS/quiver-$store.json" | tee "$RESULTS/bench-$store.txt"; then
    echo "benchmark against Quiver ($store) failed; server log tail:" >&2
    tail -n 80 "$RESULTS/quiver-$store.log" >&2
    if [[ -n "$PG_LOG" ]]; then echo "PostgreSQL log tail:" >&2; tail -n 40 "$PG_LOG" >&2; fi
    exit 1
  fi
}

# ---------------------------------------------------------------- PostgreSQL

start_postgres() {
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
    log "PostgreSQL not found: apt-get install -y postgresql"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  port_free "$PG_PORT" || { echo "port $PG_PORT on 127.0.0.1 is in use; set PG_PORT" >&2; exit 1; }
  local base; base="$(mktemp -d /tmp/quiver-bench-pg.XXXXXX)"
  TMP_DIRS+=("$base")
  chown postgres: "$base"
  local pwfile="$base/pw"
  printf '%s\n' "$PASSWORD" >"$pwfile"; chown postgres: "$pwfile"; chmod 600 "$pwfile"
  PG_DATA="$base/data"
  log "initdb $PG_DATA ($("$PG_BIN/postgres" --version))"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 >"$RESULTS/postgres-initdb.log" 2>&1
  # Stock durability settings (fsync=on, synchronous_commit=on): a commit is on disk when acknowledged.
  PG_LOG="$base/postgres.log"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $base" start >/dev/null \
    || { echo "PostgreSQL did not start; log:" >&2; cat "$PG_LOG" >&2; exit 1; }
  runuser -u postgres -- "$PG_BIN/psql" -q -h "$base" -p "$PG_PORT" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE quiver LOGIN PASSWORD '$PASSWORD'" \
    -c "CREATE DATABASE quiver OWNER quiver"
  log "PostgreSQL on 127.0.0.1:$PG_PORT, database quiver"
}

stop_postgres() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
  cp "$PG_LOG" "$RESULTS/postgres.log"
  PG_DATA=""
  log "PostgreSQL stopped"
}

# ---------------------------------------------------------------- run

for store in $STORES; do
  case "$store" in
    h2)
      start_quiver h2
      bench_quiver h2
      stop_quiver h2
      ;;
    postgres)
      start_postgres
      start_quiver postgres --spring.profiles.active=postgres \
        --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/quiver" \
        --spring.datasource.username=quiver --spring.datasource.password="$PASSWORD"
      bench_quiver postgres
      stop_quiver postgres
      stop_postgres
      ;;
    *) echo "unknown store $store (h2, postgres)" >&2; exit 1 ;;
  esac
done

if [[ "$PGLITE" == 1 ]]; then
  log "PGlite peer (WebAssembly)"
  node "$HERE/insert-bench.mjs" --pglite --rows "$ROWS" --dim "$DIM" --batch "$BATCH" \
    --repeats "$REPEATS" --out "$RESULTS/pglite.json" | tee "$RESULTS/bench-pglite.txt"
fi

# ---------------------------------------------------------------- table

node "$HERE/summarize.mjs" "$RESULTS" | tee "$RESULTS/summary.md"
lscpu | grep 'Model name' | tee -a "$RESULTS/summary.md"
echo "run started $STARTED, ended $(date -u +%Y-%m-%dT%H:%M:%SZ)" | tee -a "$RESULTS/summary.md"
echo "load average (1, 5, 15 min): at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs" \
  | tee -a "$RESULTS/summary.md"
log "results in $RESULTS"
