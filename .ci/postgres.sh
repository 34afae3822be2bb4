#!/usr/bin/env bash
# Starts a local PostgreSQL for the store tests, idempotently, and prints its URL on stdout.
#   export RASD_TEST_PG="$(.ci/postgres.sh)"
# Installs Debian's postgresql package when missing (needs root), starts the default cluster,
# creates the role and database `rasd` (password `rasd`) when they do not exist yet.
# Everything except the final URL goes to stderr, so the output can be captured.
set -euo pipefail

PG_USER="${RASD_PG_USER:-rasd}"
PG_PASS="${RASD_PG_PASSWORD:-rasd}"
PG_DB="${RASD_PG_DB:-rasd_test}"

log() { echo "postgres.sh: $*" >&2; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# The newest installed major version and its first cluster (Debian creates "main" on install).
VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
CLUSTER="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v { print $2; exit }')"
if [ -z "$CLUSTER" ]; then
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main >&2
  CLUSTER=main
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $3 }')"
STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $4 }')"
if [ "$STATUS" != online ]; then
  log "starting cluster $VERSION/$CLUSTER on port $PORT"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

# Wait until it accepts connections (a few seconds at most).
for _ in $(seq 1 30); do
  if as_postgres psql -p "$PORT" -qAtc 'select 1' >/dev/null 2>&1; then break; fi
  sleep 0.5
done

if [ "$(as_postgres psql -p "$PORT" -qAtc "select 1 from pg_roles where rolname = '$PG_USER'")" != 1 ]; then
  log "creating role $PG_USER"
  as_postgres psql -p "$PORT" -qc "create role \"$PG_USER\" login password '$PG_PASS'" >&2
fi
if [ "$(as_postgres psql -p "$PORT" -qAtc "select 1 from pg_database where datname = '$PG_DB'")" != 1 ]; then
  log "creating database $PG_DB"
  as_postgres psql -p "$PORT" -qc "create database \"$PG_DB\" owner \"$PG_USER\" encoding 'UTF8' template template0" >&2
fi

echo "postgres://$PG_USER:$PG_PASS@127.0.0.1:$PORT/$PG_DB"
