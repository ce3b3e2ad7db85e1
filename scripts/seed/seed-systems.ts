// The systems catalogue's demo data: systems with sourced facts, others' published
// classifications, and the rules of every seeded version (prisma/seed/systems/).
// Idempotent: a system, its facts or a version's rules that exist are kept.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { CRITERION_IDS, factValueSchema, ruleValueSchema } from "@/lib/systems/criteria";
import { factFieldsSchema } from "@/lib/systems/fact-input.schema";
import { setCurator } from "@/lib/systems/set-curator";
import { setDraftRules } from "@/lib/systems/set-draft-rules";
import { proposeCorrection } from "@/lib/systems/propose-correction";
import { indexSystem } from "@/lib/search/search-index";

const DIR = path.join(process.cwd(), "prisma/seed/systems");

const factSchema = z.object({ value: factValueSchema, explanation: z.string(), sources: z.array(z.string()).min(1) });
const systemsFile = z.object({
  asOf: z.string(),
  systems: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      developer: z.string(),
      released: z.string(),
      sizes: z.string(),
      links: z.array(z.object({ label: z.string(), url: z.string() })),
      facts: z.record(z.string(), factSchema),
      external: z.array(z.object({ source: z.enum(["osi", "mof", "index"]), subject: z.string(), verdict: z.string(), url: z.string(), asOf: z.string(), reading: z.enum(["", "admitted", "not_admitted"]) })),
    }),
  ),
});
const ruleSchema = z.object({ value: ruleValueSchema, rationale: z.string(), section: z.string().nullable() });
const rulesFile = z.object({ rules: z.record(z.string(), z.record(z.string(), z.record(z.string(), ruleSchema))) });

export function readSeedSystems() {
  return systemsFile.parse(JSON.parse(readFileSync(path.join(DIR, "systems.json"), "utf8")));
}

export function readSeedRules() {
  return rulesFile.parse(JSON.parse(readFileSync(path.join(DIR, "rules.json"), "utf8"))).rules;
}

export async function seedSystems(actors: Map<string, Actor>): Promise<{ systems: number; ruleSets: number; skipped: string[] }> {
  const admin = actors.get("admin")!;
  const { asOf, systems } = readSeedSystems();
  let created = 0;
  for (const s of systems) {
    const missing = CRITERION_IDS.filter((id) => !s.facts[id]);
    if (missing.length > 0) throw new Error(`seed systems: ${s.slug} has no fact for ${missing.join(", ")}`);
    if (await db.system.findUnique({ where: { slug: s.slug }, select: { id: true } })) continue;
    // Each fact passes the same checks as a member's correction (sources are http(s), values known).
    const facts = CRITERION_IDS.map((criterion) => factFieldsSchema.parse({ criterion, ...s.facts[criterion], asOf }));
    await db.$transaction(async (tx) => {
      const system = await tx.system.create({
        select: { id: true },
        data: {
          slug: s.slug,
          name: s.name,
          developer: s.developer,
          released: s.released,
          sizes: s.sizes,
          links: JSON.stringify(s.links),
          facts: { create: facts.map((f) => ({ criterion: f.criterion, revision: 1, value: f.value, explanation: f.explanation, sources: JSON.stringify(f.sources), asOf: f.asOf, authorId: admin.id, reason: "Imported from OpenDef's sourced fact sheet." })) },
          external: { create: s.external },
        },
      });
      await indexSystem(tx, system.id);
    });
    created += 1;
  }

  let ruleSets = 0;
  // A version another seed step publishes (open-science 0.3) is absent when that step did not run.
  const skipped: string[] = [];
  for (const [slug, versions] of Object.entries(readSeedRules())) {
    for (const [label, rules] of Object.entries(versions)) {
      const version = await db.version.findFirst({
        where: { label, definition: { slug }, status: { in: ["published", "superseded"] } },
        select: { id: true, sections: { select: { key: true, heading: true } }, _count: { select: { rules: true } } },
      });
      if (!version) {
        skipped.push(`${slug} ${label}`);
        continue;
      }
      if (version._count.rules > 0) continue;
      const missing = CRITERION_IDS.filter((id) => !rules[id]);
      if (missing.length > 0) throw new Error(`seed systems: ${slug} ${label} has no rule for ${missing.join(", ")}`);
      await db.versionRule.createMany({
        data: CRITERION_IDS.map((criterion) => {
          const rule = rules[criterion];
          const section = rule.section ? version.sections.find((x) => x.heading === rule.section) : null;
          if (section === undefined) throw new Error(`seed systems: ${slug} ${label} has no section "${rule.section}"`);
          return { versionId: version.id, criterion, value: rule.value, rationale: rule.rationale, sectionKey: section?.key ?? null };
        }),
      });
      ruleSets += 1;
    }
  }

  // People and a live example of each flow, through the use cases.
  if (created > 0) {
    await setCurator({ actor: admin, input: { handle: "chen", curator: "yes", reason: "Reviews model releases for the catalogue." } }).catch(() => undefined);
    await proposeCorrection({
      actor: actors.get("bjorn")!,
      input: {
        systemSlug: "mistral-7b",
        criterion: "trainingCode",
        value: "no",
        explanation: "The public repositories hold inference and fine-tuning tools; nothing that pretrains the model.",
        sources: ["https://github.com/mistralai/mistral-inference"],
        asOf: "2026-06-12",
      },
    });
  }
  const draft = await db.version.findFirst({ where: { status: "draft", definition: { slug: "open-weights" } }, select: { id: true, _count: { select: { rules: true } } } });
  const owd = readSeedRules()["open-weights"]?.["0.2"];
  if (draft && owd && draft._count.rules === 0) {
    // Demo revision: the draft moves documentation from recommended to required, so
    // its preview has something to show (the published texts do not say this).
    const maintainer = actors.get("owd-maint")!;
    await setDraftRules({
      actor: maintainer,
      input: {
        draftId: draft.id,
        rules: CRITERION_IDS.map((criterion) =>
          criterion === "dataDocs"
            ? { criterion, value: "required" as const, rationale: "Demo revision: a model card describing the training data becomes a condition.", sectionKey: null }
            : { criterion, value: owd[criterion].value, rationale: owd[criterion].rationale, sectionKey: null },
        ),
      },
    });
  }
  return { systems: created, ruleSets, skipped };
}
