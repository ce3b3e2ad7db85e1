import "server-only";
import { db } from "@/lib/db";
import { verifyHashChain } from "@/lib/versions/verify-hash-chain";

/** Recomputes every public version's hash from its stored text and checks the chain. */
export async function verifyDefinitionHistory(definitionId: string) {
  const versions = await db.version.findMany({
    where: { definitionId, status: { in: ["published", "superseded"] } },
    orderBy: { number: "asc" },
    select: { label: true, body: true, contentHash: true, previousHash: true },
  });
  return verifyHashChain(versions.map((v) => ({ ...v, label: v.label! })));
}
