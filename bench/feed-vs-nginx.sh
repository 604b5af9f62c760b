#!/usr/bin/env bash
# Sub-processor feed throughput against nginx serving the same bytes as a static file, both measured
# in the same run with wrk on loopback. Needs: a packaged app (./mvnw -DskipTests package), nginx, wrk.
# Usage: bench/feed-vs-nginx.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-64}
APP_PORT=18080
NGINX_PORT=18081
WORK=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT

QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/trustledger_bench \
  QUARKUS_LOG_CONSOLE_LEVEL=WARN java -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null && break; sleep 1; done

mkdir -p "$WORK/www/api/v1"
curl -sf "http://127.0.0.1:$APP_PORT/api/v1/sub-processors.json" -o "$WORK/www/api/v1/sub-processors.json"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { add_header Cache-Control "public, max-age=600"; etag on; }
  }
}
NGINX
chmod -R a+rX "$WORK"   # nginx workers run as www-data; mktemp -d is private
nginx -c "$WORK/nginx.conf"
sleep 1
# Both servers must answer 200 with the same bytes, or the comparison means nothing.
curl -sf "http://127.0.0.1:$NGINX_PORT/api/v1/sub-processors.json" | cmp - "$WORK/www/api/v1/sub-processors.json"
curl -sf "http://127.0.0.1:$APP_PORT/api/v1/sub-processors.json" | cmp - "$WORK/www/api/v1/sub-processors.json"

echo "bytes: $(wc -c < "$WORK/www/api/v1/sub-processors.json")"
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
# Warm the JIT before measuring.
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$APP_PORT/api/v1/sub-processors.json" > /dev/null
echo "== nginx (worker_processes auto) static file"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$NGINX_PORT/api/v1/sub-processors.json"
echo "== TrustLedger /api/v1/sub-processors.json"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$APP_PORT/api/v1/sub-processors.json"
