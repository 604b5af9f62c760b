#!/usr/bin/env bash
# Benchmark: one full run of every shipped collector on the sample organisation, through the real API
# of the packaged application. Usage: bench/run-collectors.sh [--no-build]
# Needs PostgreSQL on localhost:5432 (user postgres). Uses its own database and port so it does not
# disturb a running instance; the results are printed as Markdown for bench/RESULTS-collectors.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18481}
DB=${BENCH_DB:-trustledger_bench_collect}
if [[ "${1:-}" != "--no-build" ]]; then
  ./mvnw -B -q -DskipTests package
fi

# A fresh benchmark database each time, so the outcomes are those of a first run on the sample.
psql -q -h localhost -U postgres -d postgres -c "DROP DATABASE IF EXISTS ${DB}" >/dev/null

export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/${DB}"
export QUARKUS_HTTP_PORT="$PORT"
export TRUSTLEDGER_ADMIN_USERNAME=bench-admin
export TRUSTLEDGER_ADMIN_PASSWORD=bench-admin-password-1
LOG=$(mktemp)
java -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 120); do
  curl -fs "localhost:${PORT}/q/health/ready" >/dev/null 2>&1 && break
  if ! kill -0 "$APP" 2>/dev/null; then cat "$LOG"; exit 1; fi
  sleep 0.5
done

python3 bench/run_collectors.py "http://localhost:${PORT}" bench-admin bench-admin-password-1
