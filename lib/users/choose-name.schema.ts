import { z } from "zod";
import { DISPLAY_NAME_MAX, DISPLAY_NAME_MIN } from "@/lib/users/display-name-limits";

// Invisible and direction-changing characters: they make a name read differently
// from what it is (zero-width spaces and joiners, bidi marks, embeddings,
// overrides, isolates, the byte-order mark).
const INVISIBLE_OR_BIDI = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/u;

/** A display name as a member types it: trimmed, inner spaces collapsed, NFC. */
export const displayNameSchema = z
  .string({ error: "Type the name you want others to see." })
  .transform((name) => name.normalize("NFC").replace(/\s+/gu, " ").trim())
  .pipe(
    z
      .string()
      .min(DISPLAY_NAME_MIN, `Type a name of at least ${DISPLAY_NAME_MIN} characters.`)
      .max(DISPLAY_NAME_MAX, `Keep your name to ${DISPLAY_NAME_MAX} characters or fewer.`)
      .refine((name) => !/\p{Cc}/u.test(name), "Your name contains control characters; type it without them.")
      .refine((name) => !INVISIBLE_OR_BIDI.test(name), "Your name contains invisible or direction-changing characters; type it without them.")
      .refine((name) => !name.includes("@"), "A name cannot contain “@”: it would read like an e-mail address, which stays private.")
      .refine((name) => /[\p{L}\p{N}]/u.test(name), "Your name needs at least one letter or digit."),
  );

export const chooseNameSchema = z.object({ name: displayNameSchema });
