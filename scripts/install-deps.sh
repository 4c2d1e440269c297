#!/usr/bin/env bash
# Installs the Debian 12 packages Sciaticare builds and tests with. Idempotent:
# skips apt entirely when every package is already installed.
set -euo pipefail

packages=(
  g++ cmake make pkg-config python3
  nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev python3-jsonschema
  libboost1.74-dev libssl-dev openssl
  libsqlite3-dev libsqlitecpp-dev sqlite3 libsodium-dev wrk curl libzxcvbn-dev
  libcurl4-openssl-dev python3-aiosmtpd
  postgresql-15 libpqxx-dev libpq-dev libgoogle-perftools-dev rapidjson-dev
  libhowardhinnant-date-dev  # Clinic time zones (src/clock/): g++ 12 has no <chrono> tzdb.
  faketime  # scripts/demo-answers.py freezes the server's clock with libfaketime.
  libical-dev python3-icalendar  # Calendar feeds (src/calendar/); tests parse them in Python.
)
# The browser tests drive Debian's chromium (scripts/browser-tests.sh). Node.js
# and npm build the web application (web/) and run those tests; a machine may
# already have them from elsewhere (a nodejs package that bundles npm), so only
# a missing node or npm brings in Debian's packages.
packages+=(chromium fonts-dejavu-core)
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
