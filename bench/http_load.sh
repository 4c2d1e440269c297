#!/usr/bin/env bash
# Load test of the clinic server on this machine: bare "ok" endpoint, a
# patient's chart (20 sessions) and durable session-note writes, each with wrk
# at 64 connections. First with the server on core 0 and wrk on core 1 (CPU per
# request without interference), then with the server and wrk sharing both
# cores, as when the whole machine serves. Prints requests/s and latency
# percentiles; docs/performance.md records the figures. A round with errors
# says which kind (error answers, or wrk's own 2 s timeouts), counts the status
# codes the server gave, and keeps the server's log. With a cluster started
# here, the database's CPU per request is reported too.
# Usage: bench/http_load.sh [path/to/sciaticare] [seconds] [database]
#   database: "sqlite" (default: a fresh file), "postgres" (a throwaway
#   cluster started here with scripts/pg-test-cluster.sh, on the same two
#   cores, so its CPU is part of every figure, reached over its unix socket as
#   a clinic running the database on the same machine would), "postgres-tcp"
#   (the same cluster over loopback TCP, as when the database is on another
#   machine), or the postgresql:// URL of an empty database. The cluster
#   runs with fsync=off unless PG_TEST_FSYNC=on (scripts/pg-test-cluster.sh).
set -euo pipefail
bin=${1:-build/sciaticare}
secs=${2:-10}
database=${3:-sqlite}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pg_dir=""
case "$database" in
  sqlite) db="sqlite:$work/bench.db" ;;
  postgres | postgres-tcp)
    pg_dir=$(mktemp -d /tmp/bench-pg-XXXXXX)  # Outside $work: the cluster's own user must reach it.
    db=$(bash "$(dirname "$0")/../scripts/pg-test-cluster.sh" start "$pg_dir")
    if [[ "$database" == postgres ]]; then
      # The cluster also listens on a socket in its directory (named by its
      # port); libpq takes that directory as the host.
      db="postgresql://sciaticare@/sciaticare?host=$pg_dir&port=$(cat "$pg_dir/port")"
    fi
    ;;
  postgresql://* | postgres://*) db="$database" ;;
  *) echo "http_load: database must be sqlite, postgres, postgres-tcp or a postgresql:// URL" >&2; exit 2 ;;
esac
echo "=== database: ${database%%:*}"  # Not a URL: it may hold a password.
"$bin" admin create --db "$db" --clinic "Bench Clinic" --email bench@example.invalid \
  --name "Bench Admin" --password quiet-harbour-lantern-47 >/dev/null
started=$(date +%s%N)
taskset -c 0 "$bin" serve --port "$port" --db "$db" ${HTTP_LOAD_SERVE_ARGS:-} >"$work/server.log" 2>&1 &
server=$!
keep_log=0  # Set when a round had error answers: the server's log is then kept.
cleanup() {
  kill $server 2>/dev/null || true
  wait $server 2>/dev/null || true
  if [[ $keep_log == 1 ]]; then
    kept=$(mktemp "${TMPDIR:-/tmp}/http_load-server-XXXXXX.log")
    cp "$work/server.log" "$kept"
    echo "=== error answers seen: the server's log is kept in $kept"
  fi
  if [[ -n "$pg_dir" ]]; then bash "$(dirname "$0")/../scripts/pg-test-cluster.sh" stop "$pg_dir" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.005; done
echo "=== start to first answer: $((($(date +%s%N) - started) / 1000000)) ms"
echo "=== idle RSS: $(($(ps -o rss= -p $server) / 1024)) MB"
url="http://127.0.0.1:$port"

login=$(curl -s -c "$work/jar" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.invalid","password":"quiet-harbour-lantern-47"}' "$url/api/v1/session")
csrf=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["csrf_token"])' "$login")
cookie="sc_session=$(awk '$6=="sc_session"{print $7}' "$work/jar")"
api() { curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' "$@"; }
# A patient with an intake: one whose chart is read, one who gets the written
# notes (so the chart stays at 20 sessions for every run).
new_patient() {
  local id
  id=$(api -d "{\"given_name\":\"$1\",\"family_name\":\"Tester\",\"date_of_birth\":\"1970-05-01\",\"sex\":\"female\"}" \
    "$url/api/v1/patients" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  api -d "{\"kind\":\"intake\",\"intake\":$(cat examples/l5_numbness.json)}" "$url/api/v1/patients/$id/assessments" >/dev/null
  echo "$id"
}
patient=$(new_patient Load)
scribe=$(new_patient Scribe)
for i in $(seq 20); do
  api -d "{\"occurred_at\":\"2026-10-$(printf %02d $i)T10:00:00Z\",\"leg_pain_before\":6,\"leg_pain_after\":4}" \
    "$url/api/v1/patients/$patient/sessions" >/dev/null
done

# Server CPU time in clock ticks (user + system), to report CPU per request:
# on a shared machine that moves far less than requests/s does.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# The throwaway cluster's CPU time in clock ticks: its postmaster's own and
# that of its children gone (waited for), plus its live backends'.
db_ticks() {
  local postmaster
  postmaster=$(head -1 "$pg_dir/data/postmaster.pid")
  {
    awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
    for child in $(pgrep -P "$postmaster"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk '{t += $1} END {print t}'
}
tick_us=$((1000000 / $(getconf CLK_TCK)))
# Transactions the database committed so far (the statistics' count).
db_commits() {
  psql "$db" -XAtc "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
}
run() {
  echo "=== $1"
  local round=$1
  shift
  local before db_before out requests lines errors
  before=$(cpu_ticks)
  if [[ -n "$pg_dir" ]]; then
    db_before=$(db_ticks)
    commits_before=$(db_commits)
  fi
  lines=$(wc -l <"$work/server.log")
  local perf_pid=""
  if [[ -n "${HTTP_LOAD_PERF_DIR:-}" ]]; then
    # A whole-machine profile of the round, for `perf report --sort comm,dso,sym`.
    perf record -a -q ${HTTP_LOAD_PERF_ARGS:-} -o "$HTTP_LOAD_PERF_DIR/$(echo "$wrk_cores-$round" | tr -c 'a-z0-9\n-' _).data" \
      -- sleep "$secs" 2>/dev/null &
    perf_pid=$!
  fi
  out=$(COOKIE="$cookie" CSRF="$csrf" PATIENT="$scribe" taskset -c "$wrk_cores" wrk -t1 -c64 -d"${secs}s" --latency "$@")
  if [[ -n "$perf_pid" ]]; then wait "$perf_pid" || true; fi
  echo "$out" | grep -E "Requests/sec|Latency|50%|99%|non-2xx"
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "    server CPU per request: $(((($(cpu_ticks) - before) * tick_us) / requests)) us"
  if [[ -n "$pg_dir" ]]; then
    echo "    database CPU per request: $(((($(db_ticks) - db_before) * tick_us) / requests)) us"
    # Each reader's snapshot and each group-commit batch is a transaction of
    # its own: how well the audit entries and notes are batched shows here.
    sleep 1  # PostgreSQL reports a backend's counts within a second.
    echo "    database transactions per request: $(python3 -c "print(round(($(db_commits) - $commits_before) / $requests, 2))")"
  fi
  errors=$(echo "$out" | awk '/non-2xx or errors/ {print $4}')
  if [[ -n "$errors" && "$errors" != 0 ]]; then
    keep_log=1
    # The answers' status codes in this round, from the server's access log
    # (wrk counts them but does not say which); the server's own messages
    # about the failures are in the kept log.
    sleep 1  # The access log is written in batches.
    echo "    status codes in the access log: $(tail -n +"$((lines + 1))" "$work/server.log" |
      python3 -c 'import collections, json, sys
c = collections.Counter()
for line in sys.stdin:
    try:
        r = json.loads(line)
    except ValueError:
        continue
    if r.get("msg") == "request": c[r.get("status")] += 1
print(", ".join(f"{k}: {v}" for k, v in sorted(c.items())))')"
  fi
}
wrk_cores=1
echo "--- server on core 0, wrk on core 1"
run "bare ok (/healthz)" "$url/healthz"
run "chart read (20 sessions)" -s bench/load/get_with_cookie.lua "$url/api/v1/patients/$patient/chart"
run "durable session-note write" -s bench/load/post_session.lua "$url/"
echo "--- server and wrk sharing both cores"
taskset -a -p -c 0,1 $server >/dev/null
wrk_cores=0,1
run "bare ok (/healthz)" "$url/healthz"
run "chart read (20 sessions)" -s bench/load/get_with_cookie.lua "$url/api/v1/patients/$patient/chart"
run "durable session-note write" -s bench/load/post_session.lua "$url/"
sessions=$(api "$url/api/v1/patients/$patient/chart" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["sessions"]))')
echo "=== sessions in the chart read: $sessions"
rss=$(ps -o rss= -p $server)
echo "=== server RSS after load: $((rss / 1024)) MB"
