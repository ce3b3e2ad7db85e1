import { z } from "zod";

/** What a token may do besides reading: posting comments, voting (amendments and ballots). */
export const TOKEN_SCOPES = ["read", "comment", "vote"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const TOKEN_NAME_MAX = 80;
export const TOKEN_MAX_DAYS = 365;
/** Live (unrevoked, unexpired) tokens one member may hold at once. */
export const TOKEN_MAX_LIVE = 20;

export const createAccessTokenSchema = z.object({
  name: z
    .string({ error: "Name the token (what script or bot uses it)." })
    .trim()
    .min(1, "Name the token (what script or bot uses it).")
    .max(TOKEN_NAME_MAX, `A token's name is at most ${TOKEN_NAME_MAX} characters.`)
    .refine((name) => name.isWellFormed() && !/[\0-\x1f]/.test(name), "The name contains control or broken characters."),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { error: `A scope is one of ${TOKEN_SCOPES.join(", ")}.` }), { error: "Choose at least one scope." })
    .min(1, "Choose at least one scope."),
  expiresInDays: z.coerce
    .number({ error: "Give the number of days the token lasts." })
    .int("Give a whole number of days.")
    .min(1, "A token lasts at least 1 day.")
    .max(TOKEN_MAX_DAYS, `A token lasts at most ${TOKEN_MAX_DAYS} days.`),
});

export const revokeAccessTokenSchema = z.object({ tokenId: z.string({ error: "Which token?" }).min(1, "Which token?") });
