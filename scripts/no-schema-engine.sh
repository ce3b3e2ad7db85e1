#!/bin/sh
# Prisma's CLI wants a native schema engine it cannot download offline.
# generate/validate/format never run it; migrations go through scripts/db-migrate.ts.
echo "The native Prisma schema engine is not used here: run npm run db:migrate instead." >&2
exit 1
