import { pendingMigrations } from "@/lib/db/migrations";

// An app whose database is behind its migrations would fail in confusing ways
// later, so it refuses to start with a one-line reason.
export async function refuseToStartIfDatabaseBehind() {
  const pending = await pendingMigrations();
  if (pending.length > 0) {
    console.error(`OpenDef cannot start: the database is behind by ${pending.length} migration(s) (${pending.join(", ")}); run npm run db:migrate.`);
    process.exit(1);
  }
}
