import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/**
 * The section an amendment is written against: it must be a section of the
 * definition's current (published) version. A superseded version or a key the
 * version does not have is refused with a message that names the current version.
 */
export async function findTargetSection({ versionId, sectionKey }: { versionId: string; sectionKey: string }) {
  const version = await db.version.findFirst({
    where: { id: versionId, status: { in: ["published", "superseded"] } },
    select: {
      id: true,
      label: true,
      status: true,
      definition: { select: { id: true, slug: true, sponsorsRequired: true, voteWindowDays: true } },
      sections: { where: { key: sectionKey }, select: { key: true, heading: true, text: true } },
    },
  });
  if (!version) throw new AppError("not_found", "This version does not exist or is not published.");
  if (version.status === "superseded") {
    const current = await db.version.findFirst({ where: { definitionId: version.definition.id, status: "published" }, select: { label: true } });
    throw new AppError(
      "conflict",
      current
        ? `Version ${version.label} has been superseded by ${current.label}. Amendments are proposed against the current version: open ${current.label} and propose it there.`
        : `Version ${version.label} has been superseded. Amendments are proposed against the current version.`,
    );
  }
  const section = version.sections[0];
  if (!section) {
    throw new AppError("bad_input", `Version ${version.label} (the current version) has no section "${sectionKey}". Reload the page and pick one of its sections.`);
  }
  return { version: { id: version.id, label: version.label! }, definition: version.definition, section };
}
