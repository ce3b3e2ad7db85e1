import { pendingMigrations } from "@/lib/db/migrations";

/** Why a server must not start on a database with these migrations pending, or null when none are. */
export function databaseBehindReason(pending: string[]): string | null {
  return pending.length === 0 ? null : `the database is behind by ${pending.length} migration(s) (${pending.join(", ")}); run npm run db:migrate.`;
}

// An app whose database is behind its migrations would fail in confusing ways
// later, so it refuses to start with a one-line reason. Under npm start the
// primary process has already checked (lib/server/startup-checks.ts) before forking
// this one, so a worker does not open a connection to ask again; `next dev` and
// `next start` have no such primary and check here.
export async function refuseToStartIfDatabaseBehind() {
  if (process.env.OPENDEF_STARTUP_CHECKED === "1") return;
  const reason = databaseBehindReason(await pendingMigrations());
  if (reason) {
    console.error(`OpenDef cannot start: ${reason}`);
    process.exit(1);
  }
}
