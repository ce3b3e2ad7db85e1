"use server";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/errors/action-result";
import { importUpload } from "@/lib/import/import-upload";

export type ImportState = ActionState & { summary?: string };

export const importAction = formAction<ImportState>(async ({ actor, form }) => {
  const file = form.file("file");
  const summary = await importUpload({
    actor,
    input: { format: form.get("format") as "wxr", definitionSlug: form.get("definitionSlug") ?? "", versionLabel: form.get("versionLabel") ?? "", sectionKey: form.get("sectionKey"), baseUrl: form.get("baseUrl"), dryRun: form.get("dryRun") === "on" },
    file: file ? new Uint8Array(await file.arrayBuffer()) : undefined,
  });
  const skipped = Object.entries(summary.skipped).map(([reason, n]) => `${n} ${reason}`).join(", ") || "none";
  return { error: null, summary: `${summary.dryRun ? "Dry run, nothing written: would import" : "Imported"} ${summary.imported} of ${summary.records} records; skipped: ${skipped}.` };
});
