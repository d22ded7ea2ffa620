#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for tests and development.
#
#   scripts/postgres.sh          install (Debian packages) if missing, init, start; print the URL
#   scripts/postgres.sh url      print the URL of the running server
#   scripts/postgres.sh stop     stop the server (the data directory is kept)
#   scripts/postgres.sh destroy  stop it and remove the data directory
#
# Idempotent: a second run finds the server running and prints the same URL. The cluster
# lives in $NEWSLEDGER_PG_DIR (default /tmp/newsledger-pg), listens on 127.0.0.1 only, on
# $NEWSLEDGER_PG_PORT (default 5433, or the next free port), and holds the database
# newsledger_test owned by the role newsledger (password newsledger, CREATEDB so tests can
# make throwaway databases). Run as root, the server runs as the 'postgres' system user.
#
#   export NEWSLEDGER_TEST_PG=$(scripts/postgres.sh)
set -euo pipefail

DIR=${NEWSLEDGER_PG_DIR:-/tmp/newsledger-pg}
PORT=${NEWSLEDGER_PG_PORT:-5433}
ROLE=newsledger
PASS=newsledger
DB=newsledger_test
DATA="$DIR/data"
LOG="$DIR/server.log"

say() { echo "postgres.sh: $*" >&2; }

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  return 1
}

install_pg() {
  pg_bin >/dev/null && return 0
  say "installing PostgreSQL from Debian packages"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  pg_bin >/dev/null || { say "no initdb after installing postgresql"; exit 1; }
}

# run a command as the server's owner: 'postgres' when we are root, else ourselves
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

url() { echo "postgresql+psycopg://$ROLE:$PASS@127.0.0.1:$(cat "$DIR/port")/$DB"; }

psql_admin() {
  as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$(cat "$DIR/port")" -U postgres -d postgres "$@"
}

start() {
  install_pg
  BIN=$(pg_bin)
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"
  chmod 700 "$DIR"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "initialising a cluster in $DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
  fi
  if running; then
    [ -f "$DIR/port" ] || { say "server running but $DIR/port is missing"; exit 1; }
  else
    local port=$PORT
    while port_busy "$port"; do port=$((port + 1)); done
    [ "$port" = "$PORT" ] || say "port $PORT is taken, using $port"
    echo "$port" >"$DIR/port"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR/port"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR -c max_connections=100 -c fsync=off" start >&2 \
      || { tail -n 20 "$LOG" >&2; exit 1; }
  fi
  psql_admin <<SQL
SELECT 'CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD ''$PASS'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE')\gexec
SELECT 'CREATE DATABASE $DB OWNER $ROLE'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB')\gexec
SQL
  url
}

case "${1:-start}" in
  start) start ;;
  url)
    BIN=$(pg_bin) || { say "PostgreSQL is not installed"; exit 1; }
    running || { say "not running (run scripts/postgres.sh)"; exit 1; }
    url ;;
  stop)
    BIN=$(pg_bin) || exit 0
    if running; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2; fi ;;
  destroy)
    BIN=$(pg_bin) || true
    if [ -n "${BIN:-}" ] && running; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2; fi
    rm -rf "$DIR" ;;
  *) say "usage: $0 [start|url|stop|destroy]"; exit 2 ;;
esac
