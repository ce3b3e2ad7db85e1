import { z } from "zod";

const person = z.object({ handle: z.string(), name: z.string().nullable() });

/** What the admin page shows: who holds which role. No e-mail addresses. */
export const staffOutput = z.object({
  admins: z.array(person),
  moderators: z.array(person),
  definitions: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: z.string(),
      maintainers: z.array(person.extend({ since: z.date() })),
    }),
  ),
});

export type Staff = z.infer<typeof staffOutput>;
