import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { listAuditLogSchema, type ListAuditLogInput } from "@/lib/audit/list-audit-log.schema";

/**
 * A definition's audit log (or, without a slug, the whole site's chain), oldest
 * first, a page at a time: every maintainer, moderator and admin action. Public,
 * like the definitions, with every field the hashes cover.
 */
export async function listAuditLog(input: ListAuditLogInput) {
  const parsed = listAuditLogSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_input", issue ? `${issue.path.join(".") || "input"}: ${issue.message}` : "The request is not valid.");
  }
  const { slug, after, limit } = parsed.data;
  let definitionId: string | undefined;
  if (slug !== undefined) {
    const definition = await db.definition.findUnique({ where: { slug }, select: { id: true } });
    if (!definition) throw new AppError("not_found", `There is no definition "${slug}".`);
    definitionId = definition.id;
  }
  const rows = await db.auditEntry.findMany({
    where: { ...(definitionId ? { definitionId } : {}), seq: { gt: after } },
    orderBy: { seq: "asc" },
    take: limit + 1,
    select: {
      seq: true,
      definitionId: true,
      actorId: true,
      action: true,
      targetType: true,
      targetId: true,
      reason: true,
      data: true,
      createdAt: true,
      prevHash: true,
      hash: true,
      actor: { select: { handle: true, name: true } },
    },
  });
  const entries = rows.slice(0, limit).map((row) => ({ ...row, dataJson: row.data }));
  return { entries, next: rows.length > limit ? entries[entries.length - 1].seq : null };
}
