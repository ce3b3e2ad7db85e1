import { z } from "zod";

/** Labels such as 0.0.9, 1.0-RC1 or draft-2025-02: they appear in permanent URLs. */
export const versionLabelSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.\-]{0,39}$/, "A version label uses letters, digits, dots and dashes (e.g. 1.1 or 2.0-RC1)");
