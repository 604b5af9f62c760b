#!/usr/bin/env bash
# Audit-package export and offline verification of ~100,000 evidence items, with the server's heap capped at
# 512 MB (-Xmx512m: the export fails with OutOfMemoryError if it ever needs more). Evidence goes in through the
# real API (POST /api/v1/evidence) with wrk. Needs a packaged app (./mvnw -DskipTests package) and wrk.
# Usage: bench/export.sh [items]; KEEP_PACKAGE=dir keeps the package and its public key there.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${1:-100000}
PORT=18095
WORK=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS trustledger_bench_export" >/dev/null
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/trustledger_bench_export \
  TRUSTLEDGER_ADMIN_USERNAME=admin TRUSTLEDGER_ADMIN_PASSWORD=bench-admin-password TRUSTLEDGER_LEDGER_KEY_PATH="$WORK/key.pem" \
  TRUSTLEDGER_DSR_EMAIL_HMAC_KEY_FILE="$WORK/hmac.key" TRUSTLEDGER_COLLECTORS_RUN_NEW_ON_START=false QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
SESSION=$(curl -s -i -H 'Content-Type: application/json' -d '{"username":"admin","password":"bench-admin-password"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/login" | sed -n 's/^[Ss]et-[Cc]ookie: tl_session=\([^;]*\).*/\1/p')
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "tl_session=$SESSION"
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, "/api/v1/evidence", nil, string.format('{"collector":"manual","controls":["ISO27001:A.5.1","ISO27001:A.8.16"],"status":"pass","summary":"bench item %d","payload":{"n":%d}}', n, math.random(1, 1e9)))
end
LUA
count() { psql -h 127.0.0.1 -U postgres -d trustledger_bench_export -tAc "SELECT count(*) FROM evidence"; }
while [ "$(count)" -lt "$ITEMS" ]; do wrk -t2 -c8 -d20s -s "$WORK/post.lua" "http://127.0.0.1:$PORT" > /dev/null; done
echo "evidence items: $(count)"
TODAY=$(date -u +%F)
curl -s -o "$WORK/pkg.zip" -w "export: http %{http_code}, %{time_total} s, %{size_download} bytes\n" -b "tl_session=$SESSION" \
  -H 'Content-Type: application/json' -d "{\"framework\":\"iso27001\",\"from\":\"$TODAY\",\"to\":\"$TODAY\"}" \
  "http://127.0.0.1:$PORT/api/v1/exports"
grep -q OutOfMemoryError "$WORK/app.log" && echo "server heap: OutOfMemoryError" || echo "server heap: stayed within -Xmx512m"
(cd "$WORK" && unzip -q -o pkg.zip public-key.pem)
if [ -n "${KEEP_PACKAGE:-}" ]; then cp "$WORK/pkg.zip" "$WORK/public-key.pem" "$KEEP_PACKAGE"/; fi
/usr/bin/time -f "verify: %e s, max RSS %M KiB" java -jar target/trustledger-verifier.jar verify "$WORK/pkg.zip" --key "$WORK/public-key.pem" | tail -1
