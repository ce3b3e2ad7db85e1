// Runs once when a server instance starts, before it takes requests. The check lives
// in a Node-only module so the edge bundle never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseToStartIfDatabaseBehind } = await import("@/lib/db/refuse-to-start-if-database-behind");
    await refuseToStartIfDatabaseBehind();
    // Before the first request: the API's writes, which proxy.ts does not see,
    // count rate limits by the address recorded here too.
    const { recordPeerAddresses } = await import("@/lib/http/peer-address");
    recordPeerAddresses();
    // The database client's one-time cost (query compiler, connection, heap growth)
    // paid here instead of by the first request (docs/decisions/033-warm-server-start.md).
    // Logs and carries on when the database does not answer.
    // How the members' page cache in front of Next.js (lib/server/serve.ts) reads a
    // member's stamp: through this bundle's database client (docs/decisions/039-member-page-cache.md).
    const { registerMemberPageStamp } = await import("@/lib/http/member-page-cache");
    const { readMemberPageStamp } = await import("@/lib/auth/read-member-page-stamp");
    registerMemberPageStamp(readMemberPageStamp);
    const { warmUpDatabase } = await import("@/lib/db/warm-up-database");
    const warm = await warmUpDatabase();
    // PostgreSQL's statistics of the search words, which a search reads to choose its
    // plan (docs/decisions/041-search-rare-words-postgres.md): in place before the first
    // search. Later reads are in the background; it never throws.
    if (warm.ok) {
      const { loadWordShares } = await import("@/lib/search/word-shares");
      await loadWordShares();
    }
  }
}
