// Runs once when a server instance starts. An app whose database is behind its
// migrations would fail in confusing ways later, so it refuses to start now.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { pendingMigrations } = await import("@/lib/db-migrations");
  const pending = await pendingMigrations();
  if (pending.length > 0) {
    console.error(`OpenDef cannot start: the database is behind by ${pending.length} migration(s) (${pending.join(", ")}); run npm run db:migrate.`);
    process.exit(1);
  }
}
