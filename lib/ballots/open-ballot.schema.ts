import { z } from "zod";
import { proposedTextSchema } from "@/lib/amendments/propose-amendment.schema";
import { BALLOT_LABEL_MAX, BALLOT_MAX_DAYS, BALLOT_MAX_OPTIONS, BALLOT_MIN_OPTIONS, BALLOT_TITLE_MAX, MAJORITY_RATIOS } from "@/lib/ballots/ballot-rules";

const majoritySchema = z.coerce
  .number({ error: "A majority ratio is 1 (1:1) or 3 (3:1)." })
  .refine((n) => (MAJORITY_RATIOS as readonly number[]).includes(n), "A majority ratio is 1 (1:1) or 3 (3:1).")
  .default(1);

/**
 * One competing option: an amendment on the section, or a text written for the
 * ballot. On a whole-version ballot a written option names the section it
 * rewrites (on a section ballot it may only name that section).
 */
export const ballotOptionSchema = z.union([
  z.object({ amendmentId: z.string().min(1).max(200), majority: majoritySchema }),
  z.object({
    label: z
      .string({ error: "Give each written option a label." })
      .transform((s) => s.replace(/\s+/g, " ").trim())
      .pipe(z.string().min(1, "Give each written option a label.").max(BALLOT_LABEL_MAX, `An option's label is at most ${BALLOT_LABEL_MAX} characters.`)),
    text: proposedTextSchema.pipe(z.string().min(1, "Write the text of each written option.")),
    sectionKey: z.string().max(200).optional(),
    majority: majoritySchema,
  }),
]);

export const openBallotSchema = z.object({
  versionId: z.string({ error: "Say which version the ballot is on." }).min(1, "Say which version the ballot is on.").max(200),
  /** The section the ballot decides, or "" for the whole version. */
  sectionKey: z.string({ error: 'Pick the section the ballot decides, or "" for the whole version.' }).max(200),
  title: z
    .string({ error: "Give the ballot a title." })
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, "Give the ballot a title.").max(BALLOT_TITLE_MAX, `A ballot's title is at most ${BALLOT_TITLE_MAX} characters.`)),
  days: z.coerce
    .number({ error: "Say how many days the ballot stays open." })
    .int("The voting period is a whole number of days.")
    .min(1, "A ballot stays open at least 1 day.")
    .max(BALLOT_MAX_DAYS, `A ballot stays open at most ${BALLOT_MAX_DAYS} days.`),
  /**
   * When voting opens: empty or absent for now. A form's datetime-local value
   * (no zone) is read as UTC, as every time on the site is shown.
   */
  opensAt: z
    .union([z.date(), z.string().trim()], { error: "Give the opening time as a date and time (UTC)." })
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      if (v instanceof Date) return v;
      const date = new Date(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(v) ? `${v}Z` : v);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a date and time: write it as 2026-12-31T18:00 (UTC).` });
        return z.NEVER;
      }
      return date;
    }),
  /** A number of voters, or "debian" for 1.5 × √(members) as Debian's constitution counts it. */
  quorum: z.union([z.literal("debian"), z.coerce.number({ error: 'The quorum is a number of voters or "debian".' }).int("The quorum is a whole number of voters.").min(0, "The quorum cannot be negative.").max(100_000)]).default(0),
  secret: z.coerce.boolean().default(false),
  options: z
    .array(ballotOptionSchema, { error: "List the options." })
    .min(BALLOT_MIN_OPTIONS, `A ballot needs at least ${BALLOT_MIN_OPTIONS} options besides "None of the above".`)
    .max(BALLOT_MAX_OPTIONS, `A ballot has at most ${BALLOT_MAX_OPTIONS} options besides "None of the above".`),
});

export type OpenBallotInput = z.input<typeof openBallotSchema>;
