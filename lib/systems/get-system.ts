import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { classify } from "@/lib/systems/classify";
import { CRITERIA, type FactValue } from "@/lib/systems/criteria";
import { linkListSchema, loadRuleSets, urlListSchema } from "@/lib/systems/load-catalogue";

const person = { select: { handle: true, name: true } } as const;

/**
 * One system: its facts now and every earlier revision, the corrections proposed
 * (open and decided), others' published classifications, and the verdict of every
 * published version of every definition, oldest first.
 */
export async function getSystem(slug: string) {
  const system = await db.system.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, developer: true, released: true, sizes: true, links: true,
      facts: { orderBy: [{ criterion: "asc" }, { revision: "desc" }], select: { criterion: true, revision: true, value: true, explanation: true, sources: true, asOf: true, reason: true, createdAt: true, correctionId: true, author: person } },
      corrections: { orderBy: { createdAt: "desc" }, select: { id: true, criterion: true, value: true, explanation: true, sources: true, asOf: true, status: true, decisionReason: true, decidedAt: true, createdAt: true, proposer: person, decidedBy: person } },
      external: { orderBy: [{ source: "asc" }], select: { source: true, subject: true, verdict: true, url: true, asOf: true } },
    },
  });
  if (!system) throw new AppError("not_found", `There is no system "${slug}" in the catalogue.`);

  const history = CRITERIA.map((c) => ({
    criterion: c,
    revisions: system.facts.filter((f) => f.criterion === c.id).map((f) => ({ ...f, value: f.value as FactValue, sources: urlListSchema.parse(JSON.parse(f.sources)) })),
  }));
  const facts = Object.fromEntries(history.flatMap((h) => (h.revisions[0] ? [[h.criterion.id, h.revisions[0].value]] : []))) as Record<string, FactValue>;

  const definitions = await db.definition.findMany({
    orderBy: { createdAt: "asc" },
    select: { slug: true, title: true, versions: { where: { status: { in: ["published", "superseded"] } }, orderBy: { number: "asc" }, select: { id: true, label: true, status: true, publishedAt: true } } },
  });
  const ruleSets = await loadRuleSets(definitions.flatMap((d) => d.versions.map((v) => v.id)));
  return {
    id: system.id,
    slug: system.slug,
    name: system.name,
    developer: system.developer,
    released: system.released,
    sizes: system.sizes,
    links: linkListSchema.parse(JSON.parse(system.links)),
    facts,
    history,
    corrections: system.corrections.map((c) => ({ ...c, sources: urlListSchema.parse(JSON.parse(c.sources)) })),
    external: system.external,
    verdicts: definitions.map((d) => ({
      slug: d.slug,
      title: d.title,
      versions: d.versions.map((v) => {
        const rules = ruleSets.get(v.id);
        return { label: v.label!, current: v.status === "published", publishedAt: v.publishedAt, verdict: rules ? classify(rules, facts) : null };
      }),
    })),
  };
}

export type SystemView = Awaited<ReturnType<typeof getSystem>>;
