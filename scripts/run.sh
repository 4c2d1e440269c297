#!/usr/bin/env bash
# Installs what Sciaticare needs, builds it and runs it on the example patients.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
for intake in examples/*.json; do
  echo "=== ${intake}"
  status=0
  build/sciaticare plan "$intake" || status=$?
  echo "(exit ${status}: 0 plan, 3 referred, 2 invalid input)"
done
