import "server-only";
import { db } from "@/lib/db";

/** The appointed curators (admins curate without being listed), for the admin page. Public knowledge: the log names them too. */
export async function listCurators() {
  const rows = await db.curator.findMany({ orderBy: { createdAt: "asc" }, select: { user: { select: { handle: true, name: true } } } });
  return rows.map((r) => r.user);
}
