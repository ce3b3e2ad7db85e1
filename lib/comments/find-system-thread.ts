import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** Where a system's discussion lives (docs/decisions/028-system-comments.md): the system, by the slug in the URL. */
export async function findSystemThread({ slug }: { slug: string }) {
  const system = await db.system.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!system) throw new AppError("not_found", "This system is not in the catalogue.");
  return system;
}
