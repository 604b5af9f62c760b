#!/usr/bin/env bash
# DSR intake throughput with wrk on loopback, the per-IP rate limit raised for the run.
# Needs a packaged app (./mvnw -DskipTests package) and wrk. Usage: bench/dsr-intake.sh [seconds] [connections]
# WARMUP (seconds, default 30) runs the same load first, long enough for the JIT to finish the hot path;
# JAVA_OPTS are passed to the server's JVM; APP_DIR picks another packaged build (default target/quarkus-app),
# e.g. the previous commit's, to measure both in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-16}
WARMUP=${WARMUP:-30}
PORT=18082
WORK=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS trustledger_bench_dsr" >/dev/null
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/trustledger_bench_dsr \
  TRUSTLEDGER_DSR_RATE_LIMIT_PER_HOUR=100000000 TRUSTLEDGER_DSR_EMAIL_HMAC_KEY_FILE="$WORK/hmac.key" \
  TRUSTLEDGER_LEDGER_KEY_PATH="$WORK/ledger.pem" TRUSTLEDGER_COLLECTORS_RUN_NEW_ON_START=false \
  TRUSTLEDGER_HTTP_TRUSTED_PROXIES=127.0.0.1/32 \
  QUARKUS_LOG_CONSOLE_LEVEL=WARN java ${JAVA_OPTS:-} -jar "${APP_DIR:-target/quarkus-app}/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load: $(cut -d' ' -f1-3 /proc/loadavg), app: ${APP_DIR:-target/quarkus-app}"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/dsr-intake.lua "http://127.0.0.1:$PORT" > /dev/null   # warm-up
echo "== DSR intake, $CONNECTIONS connections, ${SECONDS_PER_RUN}s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s bench/dsr-intake.lua "http://127.0.0.1:$PORT"
# wrk counts non-2xx/3xx responses itself ("Non-2xx or 3xx responses"); rows written must match requests sent.
echo "rows: $(psql -h 127.0.0.1 -U postgres -d trustledger_bench_dsr -tAc 'SELECT count(*) FROM dsr_case') (warm-up included)"
