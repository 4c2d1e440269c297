#!/usr/bin/env bash
# Installs what Sciaticare needs, builds once and runs every test suite:
# short fuzzing runs (the intake parser, the bounded JSON reader and the whole
# API, about three minutes together), a benchmark smoke run, the browser tests
# of the web application, then the unit and integration tests (CTest), whose
# summary closes the output. CTest
# runs with a throwaway PostgreSQL cluster (scripts/pg-test-cluster.sh), so the
# store contract and the HTTP API suites run on PostgreSQL as well as SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/install-deps.sh
bash scripts/build.sh

echo "=== Fuzzing (libFuzzer with ASan/UBSan): each target for a fixed time with its corpus"
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DSCIATICARE_FUZZ=ON \
  -DSCIATICARE_TESTS=OFF -DSCIATICARE_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target intake_fuzzer bounded_json_fuzzer api_fuzzer >/dev/null
# fuzz TARGET SECONDS MAX_LEN [EXTRA_SEED_FILES...]: runs build-fuzz/fuzz/TARGET on a
# copy of fuzz/corpus/TARGET (new units stay out of the repository), fails the
# run on a crash, a leak, a sanitizer report or a timeout, and prints how many
# inputs it executed.
fuzz() {
  local target=$1 seconds=$2 max_len=$3
  shift 3
  local work
  work=$(mktemp -d)
  mkdir "$work/corpus"
  cp fuzz/corpus/"$target"/* "$@" "$work/corpus"/
  # Every sanitizer report fails the run, but for the third-party ones
  # listed (and explained) in fuzz/ubsan.supp.
  # TMPDIR: the API fuzzer's store goes in $work too, however the run ends.
  if ! TMPDIR="$work" \
      UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/fuzz/ubsan.supp" \
      build-fuzz/fuzz/"$target" "$work/corpus" -max_total_time="$seconds" -max_len="$max_len" \
      -timeout=30 -print_final_stats=1 -artifact_prefix="$work/" >"$work/log" 2>&1; then
    tail -n 60 "$work/log"
    echo "FUZZING FOUND A FAILURE in $target (input kept in $work)"
    exit 1
  fi
  echo "$target: $(grep -E '^stat::number_of_executed_units' "$work/log" | awk '{print $2}') executions in ${seconds} s"
  rm -rf "$work"
}
fuzz intake_fuzzer 45 8192 examples/*.json
fuzz bounded_json_fuzzer 30 8192
fuzz api_fuzzer 90 16384

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
