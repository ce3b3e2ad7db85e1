// Runs once when a server instance starts. The check lives in a Node-only module
// so the edge bundle never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseToStartIfDatabaseBehind } = await import("@/lib/db/refuse-to-start-if-database-behind");
    await refuseToStartIfDatabaseBehind();
    // Before the first request: the API's writes, which proxy.ts does not see,
    // count rate limits by the address recorded here too.
    const { recordPeerAddresses } = await import("@/lib/http/peer-address");
    recordPeerAddresses();
  }
}
