#!/usr/bin/env bash
# Starts a local PostgreSQL for the database-connector and storage tests (CI and dev machines, as root).
# Idempotent: installs the Debian package only when missing, starts the cluster only when down, and
# creates the role and database only when absent. Prints the connection string the tests read from
# ARCHIVEBRIDGE_TEST_POSTGRES (the tests default to the same value).
set -euo pipefail

ROLE=archivebridge
PASSWORD=archivebridge
DATABASE=archivebridge_test
PORT=5432

if [ "$(id -u)" -ne 0 ]; then
  echo "start-postgres.sh: run as root (it installs packages and starts the cluster)" >&2
  exit 1
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y postgresql
fi

# The Debian cluster: the newest installed version, cluster "main" (15 on bookworm).
VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  pg_createcluster "$VERSION" main --port "$PORT"
fi

STATUS=$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}')
if [ "$STATUS" != "online" ]; then
  # listen_addresses defaults to localhost; pin it to loopback IPv4 so nothing else can reach it.
  pg_ctlcluster "$VERSION" main start -o "-c listen_addresses=127.0.0.1 -c port=$PORT"
fi

# Wait for the server to accept connections (pg_ctlcluster returns once the postmaster is up).
for _ in $(seq 1 30); do
  if su postgres -c "pg_isready -q -h 127.0.0.1 -p $PORT"; then break; fi
  sleep 1
done

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA -p $PORT $*"; }

if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != "1" ]; then
  psql_admin "-c \"CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'\""
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$DATABASE'\"")" != "1" ]; then
  psql_admin "-c \"CREATE DATABASE $DATABASE OWNER $ROLE\""
fi

echo "Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD;Database=$DATABASE"
