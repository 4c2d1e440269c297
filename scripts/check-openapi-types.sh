#!/usr/bin/env bash
# Fails when web/src/generated/openapi.ts is not what openapi-typescript makes
# of api/openapi.json today: the web's types come from the API document only,
# so a change to the document must come with `npm run generate:api` (in web/).
# Exits 77 (a skip for CTest) when the web's packages are not installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
generator="$root/web/node_modules/.bin/openapi-typescript"
if [[ ! -x "$generator" ]]; then
  echo "check-openapi-types: $generator not installed (npm ci in web/); skipped" >&2
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$generator" "$root/api/openapi.json" --output "$work/openapi.ts" >/dev/null 2>&1
if ! diff -u "$root/web/src/generated/openapi.ts" "$work/openapi.ts" >"$work/diff"; then
  head -n 40 "$work/diff"
  echo "web/src/generated/openapi.ts is stale: run 'npm run generate:api' in web/ and commit it" >&2
  exit 1
fi
echo "web/src/generated/openapi.ts matches api/openapi.json"
