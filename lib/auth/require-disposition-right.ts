import "server-only";
import type { Actor } from "@/lib/auth/current-user";
import { isModerator } from "@/lib/auth/roles";
import { requireMember, type Member } from "@/lib/auth/require-member";
import { maintains } from "@/lib/auth/require-maintainer-of";
import { AUTHOR_KINDS, MAINTAINER_KINDS, MODERATOR_KINDS, type DispositionKind } from "@/lib/dispositions/disposition-kinds";
import { AppError } from "@/lib/errors/app-error";

/**
 * Who may give which answer (docs/decisions/016-dispositions.md): the author
 * only "withdrawn", on their own words; the definition's maintainers (and
 * admins) every other answer; moderators only "out of scope" and "duplicate".
 * `authorIds` are the authors of every target the answer is for.
 */
export async function requireDispositionRight(
  actor: Actor | null | undefined,
  { definitionId, authorIds, kind }: { definitionId: string; authorIds: string[]; kind: DispositionKind },
): Promise<Member> {
  const member = await requireMember(actor, "answer threads and amendments");
  if (AUTHOR_KINDS.includes(kind)) {
    if (authorIds.every((id) => id === member.id)) return member;
    throw new AppError("forbidden", "Only its author can withdraw a thread or an amendment.");
  }
  if (await maintains(member, definitionId)) return member;
  if (isModerator(member)) {
    if (MODERATOR_KINDS.includes(kind)) return member;
    throw new AppError("forbidden", "Moderators can mark a thread or an amendment only as out of scope or a duplicate; the maintainers give the other answers.");
  }
  throw new AppError("forbidden", "Only this definition's maintainers can answer threads and amendments.");
}

/**
 * For pages deciding which answers to offer (never whether to allow): the
 * kinds this person may give on other people's threads of the definition, and
 * on their own.
 */
export async function dispositionKindsFor(actor: { id: string; role: string } | null | undefined, definitionId: string): Promise<{ others: DispositionKind[]; own: DispositionKind[] }> {
  return dispositionKindsOf(actor, actor ? await maintains(actor, definitionId) : false);
}

/** The same, for a page that already asked `maintains`. */
export function dispositionKindsOf(actor: { role: string } | null | undefined, maintainer: boolean): { others: DispositionKind[]; own: DispositionKind[] } {
  if (!actor) return { others: [], own: [] };
  const others = maintainer ? [...MAINTAINER_KINDS] : isModerator(actor) ? [...MODERATOR_KINDS] : [];
  return { others, own: [...others, ...AUTHOR_KINDS] };
}
