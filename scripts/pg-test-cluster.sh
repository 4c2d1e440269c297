#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the store tests.
#
#   scripts/pg-test-cluster.sh start DIR   initdb in DIR (created if missing), start the
#                                          server on a unix socket in DIR and on a free
#                                          127.0.0.1 port, create the role and database
#                                          "sciaticare", and print the URL to use
#                                          (SCIATICARE_TEST_PG_URL) as the only stdout line.
#   scripts/pg-test-cluster.sh stop DIR    stop that server (fast) and remove DIR.
#
# The server runs as the `postgres` system user when this script runs as root
# (PostgreSQL refuses to run as root), otherwise as the calling user. Local
# connections are trusted: the cluster lives only as long as a test run.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ROLE=sciaticare

die() {
  echo "pg-test-cluster: $*" >&2
  exit 1
}

# Runs a command as the user who owns the cluster.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local dir=$1
  [[ -x $PG_BIN/initdb ]] || die "no PostgreSQL 15 in $PG_BIN (apt-get install postgresql-15)"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "no postgres system user to run the server as"
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  }
  # Tests need no durability across a crash; PG_TEST_FSYNC=on gives the
  # real setting, for benchmarks that must count the disk's flushes.
  local fsync=${PG_TEST_FSYNC:-off}
  [[ $fsync == on || $fsync == off ]] || die "PG_TEST_FSYNC must be on or off"
  local port
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=$fsync -c max_connections=400" \
      start >/dev/null 2>&1; then
      break
    fi
    # Another process may have taken the port between the probe and the start.
    port=""
  done
  if [[ -z $port ]]; then
    tail -n 20 "$dir/server.log" >&2 || true
    die "the server did not start"
  fi
  echo "$port" >"$dir/port"
  as_owner "$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE $ROLE LOGIN CREATEDB" -c "CREATE DATABASE $ROLE OWNER $ROLE" >&2 ||
    die "creating the role and database failed"
  echo "postgresql://$ROLE@127.0.0.1:$port/$ROLE"
}

stop() {
  local dir=$1
  [[ -d $dir/data ]] || return 0
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:?usage: $0 start DIR}" ;;
  stop) stop "${2:?usage: $0 stop DIR}" ;;
  *) die "usage: $0 start DIR | stop DIR" ;;
esac
