#!/usr/bin/env bash
# postgres.sh start|stop|restart|status|reset — the tests' PostgreSQL on 127.0.0.1:5432 (database socialnet_test).
# Uses Debian's cluster manager (pg_ctlcluster): the cluster that listens on 5432, created if there is none.
# start is a no-op when it already runs; stop and restart act only on a cluster this script started; reset empties
# the database. PG_CLUSTER=NAME PG_PORT=PORT manage a second cluster of that name on that port instead (created on
# first start), e.g. one a test restarts while others use the default one; PG_DOWN_SECONDS keeps it down that long
# during restart (default 0).
set -euo pipefail
LOG_TAG=postgres
source "$(dirname "$0")/lib.sh"

# Prints "VERSION NAME STATUS" of the cluster configured for $PG_PORT, if any.
find_cluster() { pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2, $4; exit }'; }

ensure_cluster() {
  local found; found="$(find_cluster)"
  if [ -n "$found" ]; then
    read -r _ name _ <<<"$found"
    [ -z "$PG_CLUSTER" ] || [ "$name" = "$PG_CLUSTER" ] || die "port $PG_PORT belongs to cluster $name, not $PG_CLUSTER: choose another PG_PORT"
    return
  fi
  local version; version="$(ls /usr/lib/postgresql | sort -n | tail -n1)"
  [ -n "$version" ] || die "no PostgreSQL server installed: run scripts/infra/install.sh"
  local name=main
  pg_lsclusters -h | awk '{ print $1, $2 }' | grep -qx "$version main" && name=socialnet
  if [ -n "$PG_CLUSTER" ]; then
    name="$PG_CLUSTER"
    pg_lsclusters -h | awk '{ print $1, $2 }' | grep -qx "$version $name" && die "cluster $version/$name exists on another port than $PG_PORT"
  fi
  log "creating cluster $version/$name on port $PG_PORT"
  as_root pg_createcluster "$version" "$name" --port "$PG_PORT" >/dev/null
}

psql_local() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres -At "$@"; }
can_log_in() { PGPASSWORD="$PG_PASSWORD" psql -X -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE" -Atc 'select 1'; }

# Gives the postgres role its password and creates the test database, each only when missing.
ensure_database() {
  can_log_in >/dev/null 2>&1 && return
  psql_local -c "ALTER ROLE $PG_USER PASSWORD '$PG_PASSWORD'"
  if [ -z "$(psql_local -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" ]; then
    log "creating database $PG_DATABASE"
    psql_local -c "CREATE DATABASE $PG_DATABASE"
  fi
  can_log_in >/dev/null || die "cannot log in as $PG_USER at $PG_HOST:$PG_PORT (check pg_hba.conf allows md5/scram on 127.0.0.1)"
}

start() {
  ensure_cluster
  read -r version name status <<<"$(find_cluster)"
  if [ "$status" = online ]; then
    log "cluster $version/$name already running on $PG_HOST:$PG_PORT"
  else
    local t0=$SECONDS
    as_root pg_ctlcluster "$version" "$name" start 9>&-  # the server must not inherit the lock
    mkdir -p "$(dirname "$PG_MARKER")" && echo "$version $name" >"$PG_MARKER"
    wait_until 60 "PostgreSQL on $PG_HOST:$PG_PORT" pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 1 \
      || die "not ready; see /var/log/postgresql/postgresql-$version-$name.log"
    log "started cluster $version/$name on $PG_HOST:$PG_PORT in $((SECONDS - t0))s"
  fi
  ensure_database
}

stop() {
  if [ ! -f "$PG_MARKER" ]; then
    log "not started by this script: nothing to stop"
    return
  fi
  read -r version name <"$PG_MARKER"
  if pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n && $4 == "online"' | grep -q .; then
    as_root pg_ctlcluster "$version" "$name" stop -m fast
    log "stopped cluster $version/$name"
  else
    log "cluster $version/$name was already stopped"
  fi
  rm -f "$PG_MARKER"
}

# Stops and starts again a cluster this script started (never one it did not: others may be using it).
restart() {
  [ -f "$PG_MARKER" ] || die "not started by this script: refusing to restart a cluster others may be using"
  stop
  sleep "${PG_DOWN_SECONDS:-0}"
  start
}

status() {
  local cluster; cluster="$(find_cluster)"
  if [ -n "$cluster" ] && [ "${cluster##* }" = online ]; then
    log "running: cluster $(echo "${cluster% *}" | tr " " /) on $PG_HOST:$PG_PORT$([ -f "$PG_MARKER" ] && echo ', started by this script')"
  else
    log "not running"; return 3
  fi
}

# Drops and recreates the test database (the cluster must be running).
reset() {
  psql_local -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" -c "CREATE DATABASE $PG_DATABASE"
  log "database $PG_DATABASE recreated"
}

case "${1:-}" in
  start | stop | restart | reset)
    mkdir -p "$(dirname "$PG_MARKER")" && exec 9>"$PG_MARKER.lock" && flock -w 120 9 || die "another postgres.sh call holds the lock"
    "$1" ;;
  status) "$1" ;;
  *) echo "usage: [PG_CLUSTER=NAME PG_PORT=PORT] $0 start|stop|restart|status|reset" >&2; exit 2 ;;
esac
