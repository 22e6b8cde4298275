#!/usr/bin/env bash
# Start the machine's PostgreSQL cluster and create the team-workspace test role and database.
# Idempotent: safe to run on a machine where both already exist. The role may create roles because
# the tests make one login role per simulated team member (and drop them afterwards).
set -euo pipefail
cluster="$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')"
if [ -z "$cluster" ]; then
  echo "No PostgreSQL cluster on this machine" >&2
  exit 1
fi
# shellcheck disable=SC2086
pg_ctlcluster $cluster start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAtX $*"; }
if [ "$(as_postgres "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'wellspring_test'\"")" != "1" ]; then
  as_postgres "-c \"CREATE ROLE wellspring_test LOGIN CREATEROLE PASSWORD 'wellspring_test'\""
fi
if [ "$(as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = 'wellspring_test'\"")" != "1" ]; then
  as_postgres "-c \"CREATE DATABASE wellspring_test OWNER wellspring_test\""
fi
echo "PostgreSQL ready: wellspring_test@127.0.0.1:5432/wellspring_test"
