#!/usr/bin/env bash
# Ledger benchmarks (see bench/RESULTS.md). Not part of ./mvnw verify.
#   bench/run-ledger.sh            all three: tree building (JMH), append throughput, proof latency
#   bench/run-ledger.sh tree|append|proofs
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
