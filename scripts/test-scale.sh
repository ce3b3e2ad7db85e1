#!/usr/bin/env bash
# The README's PostgreSQL steps (scripts/scale/test-postgres-steps.ts), then the
# scale-out test: two app instances on one PostgreSQL behind a local nginx, all on
# loopback (scripts/scale/test-scale.ts says what it checks). Uses the production
# build in this checkout's .next (CI builds once before). Needs PostgreSQL at
# SCALE_PG_URL (a role with CREATEDB), nginx and pgbouncer (installed here from
# Debian's package when missing, as root), and for the README's steps root and the
# machine's PostgreSQL on 127.0.0.1:5432 (they run `su postgres -c psql`).
# Prints "N passed, N failed"; exits non-zero
# on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1

if [[ ! -f .next/BUILD_ID ]]; then
  echo "test-scale: no production build in $(pwd)/.next: run npm run build first" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# npm test (scripts/test-services.sh) has installed nginx and brought up PostgreSQL
# (SCALE_PG_URL, default 127.0.0.1:5432); test-scale.ts says so when either is missing.
export NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"

# PgBouncer, which the scale-out test puts between the instances and PostgreSQL.
if ! command -v pgbouncer >/dev/null 2>&1 && [[ ! -x /usr/sbin/pgbouncer ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test-scale: pgbouncer is missing: apt-get install -y pgbouncer (as root)" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  echo "test-scale: installing pgbouncer (Debian package)"
  # A policy-rc.d that denies starts keeps the package's own service from starting.
  policy_added=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    policy_added=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null; }
  if ((policy_added)); then rm -f /usr/sbin/policy-rc.d; fi
fi
export PGBOUNCER="${PGBOUNCER:-$(command -v pgbouncer || echo /usr/sbin/pgbouncer)}"

# The README's "Running on PostgreSQL" block, run as written on a fresh role and database.
npx tsx scripts/scale/test-postgres-steps.ts
exec npx tsx scripts/scale/test-scale.ts
