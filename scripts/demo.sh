#!/usr/bin/env bash
# npm run demo: migrate and seed the embedded SQLite database, build, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
echo "npm run demo on Node $(node -v) ($(command -v node))"
export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
mkdir -p data
# A demo needs a session secret; make one once and keep it beside the database.
if [ -z "${NEXTAUTH_SECRET:-}" ]; then
  [ -s data/nextauth-secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' > data/nextauth-secret
  NEXTAUTH_SECRET="$(cat data/nextauth-secret)"
  export NEXTAUTH_SECRET
fi
# The demo has no mail server: sign-in links go to the local outbox at /dev/outbox.
export OPENDEF_DEV_OUTBOX="${OPENDEF_DEV_OUTBOX:-1}"
npm run --silent db:migrate
npm run --silent db:seed
npm run --silent build
echo "OpenDef is serving on $NEXTAUTH_URL"
exec npm start -- -p "$PORT"
