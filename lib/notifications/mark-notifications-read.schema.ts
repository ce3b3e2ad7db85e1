import { z } from "zod";

export const markNotificationsReadSchema = z.object({
  // Absent: every unread notification of the actor.
  ids: z.array(z.string().min(1).max(200)).max(500).optional(),
});
