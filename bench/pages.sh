#!/usr/bin/env bash
# Trust-center page render time on the sample organisation: wrk with one connection per page (so latency is the
# server's time plus loopback), after a warm-up. Needs a packaged app and wrk. Usage: bench/pages.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
PORT=18083
WORK=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/trustledger_bench_pages \
  TRUSTLEDGER_LEDGER_KEY_PATH="$WORK/ledger.pem" TRUSTLEDGER_DSR_EMAIL_HMAC_KEY_FILE="$WORK/hmac.key" \
  QUARKUS_LOG_CONSOLE_LEVEL=WARN java -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
sleep 20   # let the first collector runs land, so pages show real evidence
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-28s %10s %10s %10s\n' page req/s p50 p99
for page in / /compliance/iso27001 /compliance/soc2 /compliance/gdpr /sub-processors /advisories /verify /privacy/request; do
  wrk -t1 -c1 -d3s "http://127.0.0.1:$PORT$page" > /dev/null
  out=$(wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$PORT$page")
  printf '%-28s %10s %10s %10s\n' "$page" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')"
done
