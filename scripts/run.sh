#!/usr/bin/env bash
# Installs what Sciaticare needs, builds it (web application included) and
# starts the clinic server with a demo clinic on http://localhost:8080
# (scripts/start-demo.sh). Stop it with Ctrl-C; the demo data stays in
# sciaticare-demo.db.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
exec bash scripts/start-demo.sh build/sciaticare
