#!/usr/bin/env bash
# Installs what Sciaticare needs, builds once and runs every test suite:
# a short fuzzing run of the intake parser, a benchmark smoke run, the browser
# tests of the web application, then the
# unit and integration tests (CTest), whose summary closes the output. CTest
# runs with a throwaway PostgreSQL cluster (scripts/pg-test-cluster.sh), so the
# store contract and the HTTP API suites run on PostgreSQL as well as SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/install-deps.sh
bash scripts/build.sh

echo "=== Fuzzing the intake parser (libFuzzer with ASan/UBSan, 60 s)"
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DSCIATICARE_FUZZ=ON \
  -DSCIATICARE_TESTS=OFF -DSCIATICARE_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target intake_fuzzer >/dev/null
work=$(mktemp -d)
mkdir "$work/corpus"
cp examples/*.json "$work/corpus"/
if ! build-fuzz/fuzz/intake_fuzzer "$work/corpus" -max_total_time=60 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$work/" >"$work/log" 2>&1; then
  tail -n 60 "$work/log"
  echo "FUZZING FOUND A FAILURE"
  exit 1
fi
grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$work/log" || true
rm -rf "$work"

echo "=== Benchmark smoke run (docs/performance.md holds figures from a quiet machine)"
build/bench/plan_benchmark --benchmark_min_time=0.2 --benchmark_filter=BM_Assess

echo "=== Browser tests (playwright-core driving Debian's chromium; screenshots in artifacts/screenshots/)"
bash scripts/browser-tests.sh build/sciaticare

echo "=== PostgreSQL 15 test cluster (throwaway, stopped when this script exits)"
pg_dir=$(mktemp -d /tmp/sciaticare-pg-XXXXXX)
trap 'bash "$root/scripts/pg-test-cluster.sh" stop "$pg_dir"' EXIT
SCIATICARE_TEST_PG_URL=$(bash scripts/pg-test-cluster.sh start "$pg_dir")
export SCIATICARE_TEST_PG_URL
# The PostgreSQL halves of the store and HTTP suites must run here, not skip.
export SCIATICARE_TEST_PG_REQUIRED=1
echo "SCIATICARE_TEST_PG_URL=$SCIATICARE_TEST_PG_URL"

echo "=== CTest"
cd build
ctest --output-on-failure -j"$(nproc)"
