#!/usr/bin/env bash
# Staff console page times on a big database (bench/RESULTS.md, "Staff console"): 1,000,000 evidence items, 50,000
# gaps, 20,000 DSR cases, 200,000 governance events (bench ConsoleSeed). One wrk connection per page, so latency is
# the server's time plus loopback; the floor, measured in the same run, is the same server's static /assets/site.css.
# Target: every page under 100 ms at p95.
# Usage: bench/console.sh [seconds per page]   (SEED=1 re-creates the database; the first run always seeds it)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PAGE=${1:-10}
DB=trustledger_bench_console
PORT=18084
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

./mvnw -B -q -DskipTests -DskipITs install
./mvnw -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
exists=$(psql -h 127.0.0.1 -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'")
if [[ ${SEED:-0} == 1 || -z $exists ]]; then
  java -Xmx2g -cp "$cp" org.trustledger.bench.ConsoleSeed "$DB" collectors
fi

QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB \
  TRUSTLEDGER_LEDGER_KEY_PATH="$WORK/ledger.pem" TRUSTLEDGER_DSR_EMAIL_HMAC_KEY_FILE="$WORK/hmac.key" \
  TRUSTLEDGER_ADMIN_USERNAME=bench-admin TRUSTLEDGER_ADMIN_PASSWORD=bench-admin-password-1 \
  TRUSTLEDGER_COLLECTORS_RUN_NEW_ON_START=false QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 1; done
TL_SESSION=$(curl -sf -c - -H 'Content-Type: application/json' -d '{"username":"bench-admin","password":"bench-admin-password-1"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/login" | awk '$6 == "tl_session" {print $7}')
export TL_SESSION

q() { psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "$1"; }
collector=$(q "SELECT collector_id FROM collector_run ORDER BY id LIMIT 1")
gap=$(q "SELECT id FROM gap WHERE status = 'open' ORDER BY id DESC LIMIT 1")
dsr=$(q "SELECT id FROM dsr_case ORDER BY id DESC LIMIT 1")
breach=$(q "SELECT id FROM breach ORDER BY id DESC LIMIT 1")
PAGES=(
  /assets/site.css
  /staff
  /staff/collectors
  "/staff/collectors/$collector"
  "/staff/collectors/$collector?page=200"
  /staff/gaps
  "/staff/gaps?status=closed&sort=opened&page=900"
  "/staff/gaps/$gap"
  /staff/privacy/requests
  "/staff/privacy/requests?page=300"
  "/staff/privacy/requests/$dsr"
  /staff/privacy/breaches
  "/staff/privacy/breaches/$breach"
  /staff/privacy/registers
  /staff/reports
  /staff/exports
  /staff/ledger
  /staff/activity
  "/staff/activity?page=3000"
  "/staff/activity?actor=carol.auditor&kind=dsr_changed"
  "/staff/activity?kind=ledger_verified"
  /staff/accounts
)
echo "machine: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
date -u +"date: %Y-%m-%dT%H:%M:%SZ"
echo "rows: evidence $(q 'SELECT count(*) FROM evidence'), gaps $(q 'SELECT count(*) FROM gap'), dsr cases $(q 'SELECT count(*) FROM dsr_case'), governance events $(q 'SELECT count(*) FROM governance_event')"
printf '%-58s %8s %9s %9s %9s %9s %6s\n' page req/s p50_ms p95_ms p99_ms p95/floor non2xx
floor=""
for page in "${PAGES[@]}"; do
  url="http://127.0.0.1:$PORT$page"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: tl_session=$TL_SESSION" -H 'Accept: text/html' "$url")
  wrk -t1 -c1 -d3s -s bench/console.lua "$url" > /dev/null
  read -r _ n rps p50 p95 p99 bad < <(wrk -t1 -c1 -d"${SECONDS_PER_PAGE}s" -s bench/console.lua "$url" | grep '^RESULT')
  [[ -z $floor ]] && floor=$p95
  ratio=$(awk -v a="$p95" -v b="$floor" 'BEGIN {printf "%.1f", a / b}')
  printf '%-58s %8s %9s %9s %9s %9s %6s\n' "$page ($code)" "$rps" "$p50" "$p95" "$p99" "$ratio" "$bad"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
