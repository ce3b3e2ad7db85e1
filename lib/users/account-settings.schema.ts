import { z } from "zod";

/** A checkbox: present ("on") when ticked, absent when not. */
const checkbox = z.union([z.literal("on"), z.literal("true"), z.boolean(), z.undefined(), z.literal("")]).transform((v) => v === "on" || v === "true" || v === true);

export const notificationSettingsSchema = z.object({ emailNotifications: checkbox });

export const stopFollowingSchema = z.object({ followId: z.string({ error: "Say what to stop following." }).min(1, "Say what to stop following.").max(200) });

export const deleteAccountSchema = z.object({
  // "keep": comments stay, signed "deleted member"; "erase": their text is erased too.
  comments: z.enum(["keep", "erase"], { error: "Choose what happens to your comments: keep them signed “deleted member”, or erase their text." }),
  confirm: z.literal("delete", { error: "Type “delete” in the box to confirm: this cannot be undone." }),
});
