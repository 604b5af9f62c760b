#!/usr/bin/env bash
# Ledger benchmarks (see bench/RESULTS.md). Not part of ./mvnw verify.
#   bench/run-ledger.sh            all three: tree building (JMH), append throughput, proof latency
#   bench/run-ledger.sh tree|append|proofs
#   bench/run-ledger.sh http       proofs over HTTP with wrk (loopback only) against the 10M-leaf database,
#                                  next to a static file served by the same server as the baseline
# Needs PostgreSQL on localhost:5432 (user postgres); creates trustledger_bench_append (re-created each
# run) and trustledger_bench_10m (10M leaves, loaded once and kept: several GB, about 10 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}

./mvnw -B -q -DskipTests install
./mvnw -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(psql -h 127.0.0.1 -U postgres -Atc 'select version()' 2>/dev/null | cut -d, -f1)"
date -u +"date: %Y-%m-%dT%H:%M:%SZ"

if [[ $what == all || $what == tree ]]; then
  java -cp "$cp" org.openjdk.jmh.Main TreeBuildBenchmark -rf text -rff bench/target/jmh-tree.txt
fi
if [[ $what == all || $what == append ]]; then
  java -Xmx2g -cp "$cp" org.trustledger.bench.LedgerDbBench append
fi
if [[ $what == all || $what == proofs ]]; then
  java -Xmx2g -cp "$cp" org.trustledger.bench.LedgerDbBench proofs
fi
if [[ $what == http ]]; then
  command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
  mkdir -p bench/target
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/trustledger_bench_10m QUARKUS_HTTP_PORT=18081 \
    TRUSTLEDGER_LEDGER_KEY_PATH=bench/target/bench-ledger-key.pem TRUSTLEDGER_LEDGER_SEAL_CRON=off \
    java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > bench/target/http-app.log 2>&1 &
  app=$!
  trap 'kill $app' EXIT
  for _ in $(seq 1 90); do curl -sf -o /dev/null http://127.0.0.1:18081/q/health/ready && break; sleep 1; done
  wrk -t1 -c1 -d10s -s bench/inclusion.lua http://127.0.0.1:18081 > /dev/null   # warm-up
  echo "baseline: static file"
  wrk -t1 -c1 -d30s --latency http://127.0.0.1:18081/assets/site.css
  echo "inclusion proofs, random index, tree_size 10,000,000"
  wrk -t1 -c1 -d30s --latency -s bench/inclusion.lua http://127.0.0.1:18081
  wrk -t2 -c8 -d30s --latency -s bench/inclusion.lua http://127.0.0.1:18081
fi
