import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { createDefinitionSchema } from "@/lib/definitions/create-definition.schema";

export async function createDefinition({ actor, input }: { actor: Actor; input: unknown }) {
  if (actor.role !== "admin") throw new AppError("forbidden", "Only admins can create definitions.");
  const data = createDefinitionSchema.parse(input);
  const existing = await db.definition.findUnique({ where: { slug: data.slug }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A definition with the slug "${data.slug}" exists already.`);
  return db.definition.create({
    data: { slug: data.slug, title: data.title, steward: data.steward, summary: data.summary, sources: JSON.stringify(data.sources) },
  });
}
