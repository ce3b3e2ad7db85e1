import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/current-user";
import { parseInput } from "@/lib/errors/parse-input";
import { setDispositionsSchema } from "@/lib/dispositions/set-disposition.schema";
import { applyDispositions } from "@/lib/dispositions/apply-dispositions";

/**
 * One answer for several threads and amendments of one definition (the queue's
 * "select several": duplicates, out of scope). All or nothing: one refused
 * target writes none.
 */
export async function setDispositions({ actor, input, now }: { actor: Actor | null; input: z.input<typeof setDispositionsSchema>; now?: Date }) {
  const { targets, ...decision } = parseInput(setDispositionsSchema, input);
  return applyDispositions(actor, { targets, ...decision }, now);
}
