import { z } from "zod";

export const sourceSchema = z.object({
  label: z.string().trim().min(1).max(120),
  url: z.url({ protocol: /^https?$/, message: "Source links must be http(s) URLs" }),
});

export const createDefinitionSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,47}$/, "The slug uses 2-48 lowercase letters, digits and dashes"),
  title: z.string().trim().min(3).max(160),
  steward: z.string().trim().min(2).max(160),
  summary: z.string().trim().min(10).max(1000),
  sources: z.array(sourceSchema).max(20).default([]),
});

export type CreateDefinitionInput = z.infer<typeof createDefinitionSchema>;
