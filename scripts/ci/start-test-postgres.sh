#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: a fresh cluster in DIR, listening on 127.0.0.1 only (port
# PORT, or a free one), password authentication with a random password, no other socket.
#
#   scripts/ci/start-test-postgres.sh start DIR [PORT]  -> prints postgres://postgres:PW@127.0.0.1:PORT/postgres
#   scripts/ci/start-test-postgres.sh stop DIR          -> stops the server and removes DIR
#
# Uses Debian's binaries (/usr/lib/postgresql/<version>/bin, `apt-get install postgresql`) or
# whatever `initdb` is on PATH. initdb refuses to run as root, so as root the cluster belongs to
# the `postgres` user that Debian's package creates (DIR's parent must be reachable by it, e.g. a
# folder made by `mktemp -d` in /tmp: DIR itself is created and handed over). Everything but the URL goes to stderr.
set -euo pipefail

find_bin_dir() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  local candidate
  candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$candidate" && -x "$candidate/initdb" ]]; then
    echo "$candidate"
    return
  fi
  echo "start-test-postgres: no PostgreSQL binaries (apt-get install -y postgresql)" >&2
  exit 3
}

# Runs a command as the cluster's owner: the postgres user when we are root, else ourselves.
as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local dir="$1" port="${2:-}"
  local bin
  bin="$(find_bin_dir)"
  [[ -n "$port" ]] || port="$(free_port)"
  mkdir -p "$dir"
  if [[ "$(id -u)" == "0" ]] && ! runuser -u postgres -- test -x "$(dirname "$dir")"; then
    echo "start-test-postgres: the postgres user cannot reach $(dirname "$dir"); use a folder under /tmp" >&2
    exit 1
  fi
  local password
  password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" >"$dir/pwfile"
  if [[ "$(id -u)" == "0" ]]; then chown -R postgres: "$dir"; fi
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  # Throwaway data: no fsync. Loopback TCP only; the socket lives in DIR, not /var/run/postgresql.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgres://postgres:${password}@127.0.0.1:${port}/postgres"
}

stop() {
  local dir="$1"
  local bin
  bin="$(find_bin_dir)"
  if [[ -d "$dir/data" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:?DIR}" "${3:-}" ;;
  stop) stop "${2:?DIR}" ;;
  *)
    echo "usage: $0 start DIR [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
