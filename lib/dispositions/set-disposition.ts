import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/current-user";
import { parseInput } from "@/lib/errors/parse-input";
import { setDispositionSchema } from "@/lib/dispositions/set-disposition.schema";
import { applyDispositions } from "@/lib/dispositions/apply-dispositions";

/**
 * Answers one root thread or amendment (or revises its answer: a new row, the
 * earlier ones stay as its history). Who may give which answer:
 * lib/auth/require-disposition-right.ts.
 */
export async function setDisposition({ actor, input, now }: { actor: Actor | null; input: z.input<typeof setDispositionSchema>; now?: Date }) {
  const { target, ...decision } = parseInput(setDispositionSchema, input);
  const { dispositions } = await applyDispositions(actor, { targets: [target], ...decision }, now);
  return dispositions[0];
}
