import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireAdmin } from "@/lib/auth/require-admin";
import { hasRole, isAdmin } from "@/lib/auth/roles";
import { staffOutput, type Staff } from "@/lib/admin/list-staff.schema";

/** Admins, moderators, and each definition's maintainers, for the admin page; the query count does not grow with them. */
export async function listStaff({ actor }: { actor: Actor | null }): Promise<Staff> {
  await requireAdmin(actor, "see this page");
  const [staff, definitions] = await Promise.all([
    db.user.findMany({
      where: { role: { in: ["admin", "moderator"] } },
      orderBy: { handle: "asc" },
      select: { handle: true, name: true, role: true },
    }),
    db.definition.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        slug: true,
        title: true,
        maintainers: { orderBy: { createdAt: "asc" }, select: { createdAt: true, user: { select: { handle: true, name: true } } } },
      },
    }),
  ]);
  return staffOutput.parse({
    admins: staff.filter(isAdmin),
    moderators: staff.filter((u) => hasRole(u, "moderator")),
    definitions: definitions.map((d) => ({ ...d, maintainers: d.maintainers.map((m) => ({ ...m.user, since: m.createdAt })) })),
  });
}
