import { z } from "zod";

export const importUploadSchema = z.object({
  format: z.enum(["wxr", "mbox", "discourse"], { error: "Choose the file's format: wxr, mbox or discourse." }),
  definitionSlug: z.string({ error: "Name the definition (its slug)." }).trim().min(1, "Name the definition (its slug).").max(200),
  versionLabel: z.string({ error: "Name the version (its label)." }).trim().min(1, "Name the version (its label).").max(200),
  sectionKey: z.string().trim().max(200).optional().transform((v) => v || null),
  baseUrl: z.string().trim().max(500).optional().transform((v) => v?.replace(/\/+$/, "") || undefined),
  dryRun: z.boolean().default(false),
});
