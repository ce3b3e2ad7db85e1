import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** Where an amendment's discussion lives: its version, checked against the definition in the URL. */
export async function findAmendmentThread({ slug, amendmentId }: { slug: string; amendmentId: string }) {
  const amendment = await db.amendment.findFirst({
    where: { id: amendmentId, definition: { slug } },
    select: { id: true, definitionId: true, versionId: true, version: { select: { label: true, status: true, commentsOpenAt: true, commentsCloseAt: true } } },
  });
  if (!amendment) throw new AppError("not_found", "This amendment does not exist.");
  return amendment;
}
