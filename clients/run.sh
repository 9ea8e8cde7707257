#!/usr/bin/env bash
# Drives the packaged jar from outside, as its users do: Swagger UI in headless Chromium
# (swagger-ui-check), then the clients the Maven build generated from openapi.yaml: it compiles the
# typescript-fetch client and runs its round trip with Node, then the official Milvus Node SDK's
# HttpClient (node-sdk-check), then the python client's round trip. Run
# after ./mvnw package (or verify); .ci/run does, after installing Debian's chromium. The service
# runs on free ports with a fresh data directory. Exits non-zero when a check fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$root/target/quiver.jar"
generated="$root/target/generated-clients"
[[ -f "$jar" && -d "$generated/typescript-fetch" && -d "$generated/python" ]] \
    || { echo "build first: ./mvnw -B package" >&2; exit 2; }

[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || { echo "Swagger UI check needs Chromium: apt-get install chromium" >&2; exit 2; }
(cd "$here/swagger-ui-check" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$here/typescript-fetch-roundtrip" && npm ci --no-audit --no-fund --loglevel=error && npx tsc -p .)
(cd "$here/node-sdk-check" && npm ci --no-audit --no-fund --loglevel=error)

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port="$(free_port)"
management="$(free_port)"
work="$(mktemp -d)"
password="roundtrip-$RANDOM$RANDOM"
java --add-modules jdk.incubator.vector -jar "$jar" --server.port="$port" --management.server.port="$management" \
    --quiver.data-dir="$work/data" --quiver.auth.root-password="$password" >"$work/quiver.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

ready=""
for _ in $(seq 1 120); do
    if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' \
        "http://127.0.0.1:$management/actuator/health/readiness"; then ready=yes; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
[[ -n "$ready" ]] || { echo "the service did not start"; cat "$work/quiver.log"; exit 1; }

export QUIVER_ENDPOINT="http://127.0.0.1:$port" QUIVER_TOKEN="root:$password"
failed=0
# First, on the fresh service: the page's examples create the collection "book".
echo "Swagger UI:"
(cd "$here/swagger-ui-check" && npm run --silent check) || failed=1
echo "typescript-fetch client:"
(cd "$here/typescript-fetch-roundtrip" && npm run --silent roundtrip) || failed=1

echo "official Milvus Node SDK 2.3.5 (HttpClient, REST v1):"
if sdk="$(cd "$here/node-sdk-check" && node check.js 2>&1)"; then
    echo "$sdk" | tail -1
else
    echo "$sdk" | grep -v '^  ok' | tail -40; failed=1
fi

# The python client needs pydantic >= 2.11, urllib3 >= 2.1 and python-dateutil (its
# requirements.txt). PyPI is out of reach here and Debian 12 ships pydantic 1.10, so they come
# with the machine's Python or not at all; without them the round trip cannot run, and says so.
echo "python client:"
if python3 -c 'import pydantic, urllib3, dateutil, sys; sys.exit(0 if tuple(map(int, pydantic.VERSION.split(".")[:2])) >= (2, 11) else 1)' 2>/dev/null; then
    PYTHONPATH="$generated/python" python3 "$here/python-roundtrip/roundtrip.py" || failed=1
else
    echo "NOT RUN: this machine's python3 lacks pydantic >= 2.11, urllib3 or python-dateutil"
fi

if [[ $failed -ne 0 ]]; then
    echo "--- service log (last 50 lines)"; tail -50 "$work/quiver.log"
fi
exit $failed
