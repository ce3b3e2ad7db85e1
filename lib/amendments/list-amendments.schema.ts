import { z } from "zod";
import { AMENDMENT_STATUSES, amendmentKindSchema, amendmentStatusSchema } from "@/lib/amendments/amendment-status";
import { decisionSchema, tallySchema } from "@/lib/amendments/get-amendment.schema";

export const amendmentSortSchema = z.enum(["recent", "support"], { error: 'sort is "recent" or "support"' });

/** "voting", "seeking,voting", or "open" (= seeking and voting); empty or absent = every status. */
const statusFilter = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter(Boolean))
  .transform((list) => list.flatMap((s) => (s === "open" ? ["seeking", "voting"] : [s])))
  .pipe(z.array(z.enum(AMENDMENT_STATUSES, { error: `status is one or more of: open, ${AMENDMENT_STATUSES.join(", ")} (comma-separated)` })));

export const listAmendmentsSchema = z.object({
  slug: z.string({ error: "Say which definition." }).min(1, "Say which definition.").max(200),
  sectionKey: z.string().min(1).max(200).optional(),
  status: statusFilter.optional(),
  sort: amendmentSortSchema.default("recent"),
});

export type ListAmendmentsInput = z.input<typeof listAmendmentsSchema>;

/** The query string of the list page and of the API: ?status=…&section=…&sort=… */
export const amendmentListQuerySchema = z.object({
  status: z.string().max(400).optional(),
  section: z.string().min(1).max(200).optional(),
  sort: amendmentSortSchema.default("recent"),
});

const person = z.object({ handle: z.string(), name: z.string() });

export const amendmentListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: amendmentStatusSchema,
  kind: amendmentKindSchema,
  hidden: z.boolean(),
  sectionKey: z.string(),
  sectionHeading: z.string().nullable(),
  baseVersion: z.string(),
  revision: z.number().int(),
  author: person,
  createdAt: z.date(),
  sponsors: z.number().int(),
  sponsorsRequired: z.number().int(),
  votingClosesAt: z.date().nullable(),
  tally: tallySchema,
  support: z.number().int(),
  decision: decisionSchema.nullable(),
});

export const amendmentListSchema = z.object({
  definition: z.object({ slug: z.string(), title: z.string(), voteVisibility: z.enum(["public", "secret"]) }),
  amendments: z.array(amendmentListItemSchema),
});

export type AmendmentList = z.infer<typeof amendmentListSchema>;

const iso = z.date().transform((d) => d.toISOString());

/** GET /api/v1/definitions/{slug}/amendments: the documented fields and nothing else. */
export const amendmentListApiSchema = z.object({
  amendments: z.array(
    amendmentListItemSchema
      .pick({ id: true, title: true, status: true, kind: true, sectionKey: true, baseVersion: true, author: true, sponsors: true, tally: true })
      .extend({
        createdAt: iso,
        votingClosesAt: iso.nullable(),
        decision: decisionSchema.extend({ at: iso }).nullable(),
      }),
  ),
});
