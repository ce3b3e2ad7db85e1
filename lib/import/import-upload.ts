import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { requireAdmin } from "@/lib/auth/require-admin";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { importDiscussion } from "@/lib/import/import-discussion";
import { ImportError } from "@/lib/import/import-record";
import { importUploadSchema } from "@/lib/import/import-upload.schema";

/**
 * An admin imports an uploaded file, as `npm run import` does, and the import
 * is recorded in the public log with its summary. A refused file is the
 * importer's own message, and nothing is written.
 */
export async function importUpload({ actor, input, file }: { actor: Actor | null; input: z.input<typeof importUploadSchema>; file: Uint8Array | undefined }) {
  const admin = await requireAdmin(actor, "import discussions");
  const options = parseInput(importUploadSchema, input);
  if (!file) throw new AppError("bad_input", "Choose a file to import.");
  let summary;
  try {
    summary = await importDiscussion(file, options);
  } catch (error) {
    if (error instanceof ImportError) throw new AppError("bad_input", error.message);
    throw error;
  }
  if (!summary.dryRun && summary.imported > 0) {
    const definition = await db.definition.findUniqueOrThrow({ where: { slug: options.definitionSlug }, select: { id: true } });
    await db.$transaction((tx) =>
      recordAudit(tx, { actorId: admin.id, definitionId: definition.id, action: "comments.import", targetType: "version", targetId: options.versionLabel, data: { format: options.format, sectionKey: options.sectionKey, imported: summary.imported, skipped: summary.skipped } }),
    );
  }
  return summary;
}
