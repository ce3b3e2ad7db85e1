import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireMember } from "@/lib/auth/require-member";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { chooseNameSchema } from "@/lib/users/choose-name.schema";
import { checkNameAvailable } from "@/lib/users/check-name-available";
import { handleCandidate, handleFromName } from "@/lib/users/make-handle";
import { handleShowsAddress, isProvisionalHandle } from "@/lib/users/needs-name";

const HANDLE_ATTEMPTS = 50;

/** The first handle from `stem` that nobody has (one query), or a conflict. */
async function freeHandle(stem: string, userId: string): Promise<string> {
  const taken = await db.user.findMany({ where: { handle: { startsWith: stem }, id: { not: userId } }, select: { handle: true } });
  const used = new Set(taken.map((u) => u.handle));
  for (let attempt = 0; attempt < HANDLE_ATTEMPTS; attempt++) {
    const handle = handleCandidate(stem, attempt);
    if (!used.has(handle)) return handle;
  }
  throw new AppError("conflict", "Too many members have a name like this one; add a word to make yours different.");
}

/**
 * Sets the actor's display name. The first time (a new account, or an older one
 * whose handle showed its e-mail address) the handle is derived from the name;
 * later changes keep the handle, so links to the profile keep working. A name or
 * handle that reads like a staff member's is refused.
 */
export async function chooseName({ actor, input, now = new Date() }: { actor: Actor | null; input: z.input<typeof chooseNameSchema>; now?: Date }) {
  const { name } = parseInput(chooseNameSchema, input);
  const member = await requireMember(actor, "choose your name");
  const account = await db.user.findUniqueOrThrow({
    where: { id: member.id },
    // Read to tell whether the handle shows the address; never returned.
    select: { handle: true, name: true, email: true, settings: { select: { nameChosenAt: true } } },
  });
  const firstChoice = !account.settings?.nameChosenAt;
  const rederive = firstChoice && (isProvisionalHandle(account.handle) || handleShowsAddress(account));
  const handle = rederive ? await freeHandle(handleFromName(name), member.id) : account.handle;
  await checkNameAvailable({ userId: member.id, name, handle: rederive ? handle : undefined });

  try {
    await db.$transaction([
      db.user.update({ where: { id: member.id }, data: { name, handle }, select: { id: true } }),
      db.accountSettings.upsert({
        where: { userId: member.id },
        create: { userId: member.id, nameChosenAt: now },
        // updatedAt always: a new name changes the public record (the export's fingerprint reads it).
        update: firstChoice ? { nameChosenAt: now, updatedAt: now } : { updatedAt: now },
        select: { userId: true },
      }),
    ]);
  } catch (error) {
    // Someone took the same handle a moment ago: nothing was written.
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "Someone took the same name a moment ago; press Save again.");
    throw error;
  }
  return { name, handle };
}
