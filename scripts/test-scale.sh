#!/usr/bin/env bash
# The README's PostgreSQL steps (scripts/scale/test-postgres-steps.ts), then the
# scale-out test: two app instances on one PostgreSQL behind a local nginx, all on
# loopback (scripts/scale/test-scale.ts says what it checks). Uses the production
# build in this checkout's .next (CI builds once before). Needs PostgreSQL on
# 127.0.0.1:5432 with the role opendef (CREATEDB), root (the README's steps run
# `su postgres -c psql`), nginx and pgbouncer, which it installs from Debian's
# packages when missing. Prints "N passed, N failed"; exits non-zero
# on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1

if [[ ! -f .next/BUILD_ID ]]; then
  echo "test-scale: no production build in $(pwd)/.next: run npm run build first" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

missing=()
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v pgbouncer >/dev/null 2>&1 || [[ -x /usr/sbin/pgbouncer ]] || missing+=(pgbouncer)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test-scale: missing ${missing[*]}: apt-get install -y ${missing[*]} (as root)" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  echo "test-scale: installing ${missing[*]} (Debian packages)"
  # The packages' post-install would start a system nginx on port 80 and a system
  # PgBouncer; this test runs its own. A policy-rc.d that denies starts prevents
  # that, for the install only.
  policy_added=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    policy_added=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  if ((policy_added)); then rm -f /usr/sbin/policy-rc.d; fi
fi
export NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
export PGBOUNCER="$(command -v pgbouncer || echo /usr/sbin/pgbouncer)"

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "test-scale: PostgreSQL is not answering on 127.0.0.1:5432 (start it: pg_ctlcluster --skip-systemctl-redirect 15 main start)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# The README's "Running on PostgreSQL" block, run as written on a fresh role and database.
npx tsx scripts/scale/test-postgres-steps.ts
exec npx tsx scripts/scale/test-scale.ts
