#!/usr/bin/env bash
# Browser tests of the web application served by the real binary: starts
# `sciaticare serve` on a free port with a fresh SQLite database and one
# clinician account, then drives Debian's chromium (headless, never a
# downloaded browser) with playwright-core from tests/browser/ under node's
# own test runner. Builds nothing.
#
#   scripts/browser-tests.sh [BINARY]     (or SCIATICARE_BIN=...; default build/sciaticare)
#
# Screenshots of the main pages go to artifacts/screenshots/ (gitignored).
# Environment: CHROMIUM (default /usr/bin/chromium), KEEP_TMP=1 keeps the
# temporary database and server log, BROWSER_TESTS="app.test.mjs ..." runs
# only those files (default: every *.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bin=${1:-${SCIATICARE_BIN:-build/sciaticare}}
[[ "$bin" = /* ]] || bin="$root/$bin"
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$bin" ]]; then
  echo "browser-tests: no server binary at $bin (build first: scripts/build.sh)" >&2
  exit 1
fi
if [[ ! -x "$chromium" ]]; then
  echo "browser-tests: no chromium at $chromium (scripts/install-deps.sh installs Debian's chromium)" >&2
  exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "browser-tests: node and npm are needed (scripts/install-deps.sh installs them)" >&2
  exit 1
fi

# Test dependencies (playwright-core, axe-core) from the lock file; again only
# when the lock file changed since the last install.
if [[ ! tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "browser-tests: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

db="$tmp/browser.db"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
email="therapist@browser-test.example"
password="browser-test-pass-1"
name="Browser Test Therapist"
serve_args=(serve --address 127.0.0.1 --port "$port" --db "sqlite:$db")

# The account to sign in with: `sciaticare admin create` when the binary has
# it; otherwise the demo clinic of `serve --demo`; otherwise, as a last resort,
# rows written with the sqlite3 CLI once the server has created the schema.
seeded=""
if "$bin" admin create --help >/dev/null 2>&1; then
  "$bin" admin create --db "sqlite:$db" --clinic "Browser Test Clinic" --email "$email" \
    --name "$name" --password "$password" >"$tmp/admin.log" 2>&1 || { cat "$tmp/admin.log" >&2; exit 1; }
  seeded="admin create"
elif "$bin" serve --help 2>/dev/null | grep -q -- '--demo'; then
  serve_args+=(--demo)
  seeded="serve --demo"
fi

"$bin" "${serve_args[@]}" >"$tmp/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  if curl -fsS "$base/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "browser-tests: the server stopped:" >&2
    cat "$tmp/server.log" >&2
    exit 1
  fi
  sleep 0.1
done

can_login() {
  curl -fsS -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$base/api/v1/session" 2>/dev/null
}
if [[ "$seeded" == "serve --demo" ]]; then
  # The demo's published credentials (src/cli/demo_seed.h).
  if can_login "admin@riverside.example" "demo-admin-2026"; then
    email="admin@riverside.example"
    password="demo-admin-2026"
  else
    seeded=""
  fi
fi
if [[ -z "$seeded" ]]; then
  if ! command -v sqlite3 >/dev/null; then
    echo "browser-tests: cannot create an account (no 'admin create', no demo, no sqlite3)" >&2
    exit 1
  fi
  # argon2id hash of the test-only password above (libsodium crypto_pwhash_str, minimum cost).
  hash='$argon2id$v=19$m=8,t=1,p=1$Rd1EzpanhTr6BsTaqkKbhw$awYX9uDmXrhLVukEiHBgW/Wfh4FiahHUQ1RSGGVpF7c'
  sqlite3 "$db" "PRAGMA busy_timeout=5000;
    INSERT INTO clinics (name) VALUES ('Browser Test Clinic');
    INSERT INTO users (clinic_id, email, display_name, role, password_hash, patient_id, active)
      VALUES (last_insert_rowid(), '$email', '$name', 'therapist', '$hash', NULL, 1);"
  seeded="sqlite3"
fi
if ! can_login "$email" "$password"; then
  echo "browser-tests: cannot sign in as $email after seeding with $seeded" >&2
  cat "$tmp/server.log" >&2
  exit 1
fi
echo "browser-tests: server $bin on $base, account from $seeded"

mkdir -p artifacts/screenshots
status=0
(cd tests/browser && BASE_URL="$base" LOGIN_EMAIL="$email" LOGIN_PASSWORD="$password" CHROMIUM="$chromium" \
  SCIATICARE_BIN="$bin" \
  SCREENSHOT_DIR="$root/artifacts/screenshots" node --test --test-concurrency=1 --test-reporter=spec \
  ${BROWSER_TESTS:-./*.test.mjs}) || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -n 40 "$tmp/server.log" >&2
fi
exit $status
