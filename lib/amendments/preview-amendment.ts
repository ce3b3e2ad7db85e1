import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/current-user";
import { parseInput } from "@/lib/errors/parse-input";
import { previewAmendmentSchema } from "@/lib/amendments/propose-amendment.schema";
import { findTargetSection } from "@/lib/amendments/find-target-section";
import { proposedTextProblem } from "@/lib/amendments/check-proposed-text";
import { amendmentRedline, type Redline } from "@/lib/amendments/amendment-redline";

/**
 * The redline of an amendment being written, word by word against the
 * section's current text, before anything is stored. The target is checked as
 * a proposal would be (current version, a section of it); a text that a
 * proposal would refuse still gets its redline, with the `problem` to fix.
 * Writes nothing.
 */
export async function previewAmendment({ input }: { actor: Actor | null; input: z.input<typeof previewAmendmentSchema> }): Promise<{
  section: { key: string; heading: string; text: string };
  version: { id: string; label: string };
  redline: Redline;
  problem: string | null;
}> {
  const data = parseInput(previewAmendmentSchema, input);
  const { version, section } = await findTargetSection({ versionId: data.versionId, sectionKey: data.sectionKey });
  return {
    section,
    version,
    redline: amendmentRedline(data.kind, section.text, data.proposedText),
    problem: proposedTextProblem(data.kind, data.proposedText, section.text),
  };
}
