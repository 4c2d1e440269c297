#!/usr/bin/env bash
# Installs what Sciaticare needs, builds it (web application included) and
# starts the clinic server with a demo clinic on http://localhost:8080.
# Stop it with Ctrl-C; the demo data stays in sciaticare-demo.db.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
echo "=== One example patient through the clinical core (sciaticare plan):"
# Read whole, then shortened: piping into `head` would end the plan command
# with SIGPIPE, which pipefail turns into a failed start.
plan_text=$(build/sciaticare plan examples/l5_numbness.json)
sed -n 1,20p <<<"$plan_text"
echo "..."
echo "=== Starting the clinic: open http://localhost:${PORT:-8080} in a browser once it says the"
echo "    demo is ready, and log in with one of the demo accounts listed below (Ctrl-C stops it)."
exec build/sciaticare serve --demo --db "sqlite:${SCIATICARE_DB:-sciaticare-demo.db}" --port "${PORT:-8080}"
