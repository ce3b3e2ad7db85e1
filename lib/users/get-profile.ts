import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** A public profile: never the e-mail address. */
export async function getProfile(handle: string) {
  const user = await db.user.findUnique({
    where: { handle },
    select: {
      handle: true,
      name: true,
      role: true,
      createdAt: true,
      maintains: { select: { definition: { select: { slug: true, title: true } } } },
      _count: { select: { comments: { where: { deletedAt: null, hiddenAt: null } }, amendments: true } },
    },
  });
  if (!user) throw new AppError("not_found", `There is no user "${handle}".`);
  return user;
}
