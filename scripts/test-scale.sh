#!/usr/bin/env bash
# The README's PostgreSQL steps (scripts/scale/test-postgres-steps.ts), then the
# scale-out test: two app instances on one PostgreSQL behind a local nginx, all on
# loopback (scripts/scale/test-scale.ts says what it checks). Uses the production
# build in this checkout's .next (CI builds once before). Needs PostgreSQL at
# SCALE_PG_URL (a role with CREATEDB), nginx and pgbouncer (scripts/test-services.sh
# installs them). Prints "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1

if [[ ! -f .next/BUILD_ID ]]; then
  echo "test-scale: no production build in $(pwd)/.next: run npm run build first" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# npm test (scripts/test-services.sh) has installed nginx and PgBouncer and brought up PostgreSQL
# (SCALE_PG_URL, default 127.0.0.1:5432); test-scale.ts says so when either is missing.
export NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"

# PgBouncer sits between the instances and PostgreSQL (also installed by test-services.sh).
export PGBOUNCER="${PGBOUNCER:-$(command -v pgbouncer || echo /usr/sbin/pgbouncer)}"

# The README's "Running on PostgreSQL" block, run as written on a fresh role and database.
npx tsx scripts/scale/test-postgres-steps.ts
exec npx tsx scripts/scale/test-scale.ts
