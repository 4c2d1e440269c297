#!/usr/bin/env bash
# Starts the clinic server with the demo clinic on http://localhost:${PORT:-8080}
# from a binary that is already built: prints one example patient's plan, then
# becomes `sciaticare serve --demo` (so a signal to this process stops the
# server), keeping the demo data in ${SCIATICARE_DB:-sciaticare-demo.db}.
#
#   scripts/start-demo.sh [BINARY]   BINARY, else $SCIATICARE_BIN, else build/sciaticare
#                                    of this repository
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-${SCIATICARE_BIN:-$root/build/sciaticare}}
port=${PORT:-8080}
echo "=== One example patient through the clinical core (sciaticare plan):"
# Read whole, then shortened: piping into `head` would end the plan command
# with SIGPIPE, which pipefail turns into a failed start.
plan_text=$("$binary" plan "$root/examples/l5_numbness.json")
sed -n 1,20p <<<"$plan_text"
echo "..."
echo "=== Starting the clinic: open http://localhost:$port in a browser once it says the"
echo "    demo is ready, and log in with one of the demo accounts listed below (Ctrl-C stops it)."
exec "$binary" serve --demo --db "sqlite:${SCIATICARE_DB:-sciaticare-demo.db}" --port "$port"
