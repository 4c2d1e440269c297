#!/usr/bin/env bash
# Installs what Sciaticare needs, builds once and runs every test suite:
# a short fuzzing run of the intake parser, a benchmark smoke run, then the
# unit and integration tests (CTest), whose summary closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."
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

echo "=== CTest"
cd build
ctest --output-on-failure -j"$(nproc)"
