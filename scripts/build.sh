#!/usr/bin/env bash
# Configures and builds Sciaticare (binary, tests, benchmarks) into build/.
# When npm is there, the web application is built first (web/dist), so that
# the C++ build compiles it into the binary; without npm the binary still
# builds and its / page says the web application was not built.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v npm >/dev/null 2>&1; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
else
  echo "build: npm not found; building the server without the web application" >&2
fi
# Optimised, with line tables only (-g1): backtraces, perf profiles and
# sanitizer reports still name functions and lines, and the build is 20-37 %
# faster per file than with full debug information (-g), which keeps the test
# run within its time on a 2-core machine (docs/performance.md, "Build time").
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" >/dev/null
cmake --build build -j"$(nproc)"
