import { z } from "zod";

export const followThreadSchema = z.object({
  // Any comment of the thread; the follow is kept on its root.
  commentId: z.string().min(1, "Say which thread to follow.").max(200),
  // true: follow, false: stop following, absent: toggle.
  follow: z.boolean().optional(),
});
