import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

export const CRITERIA = [
  { id: "weights", label: "Weights under open terms" },
  { id: "code", label: "Training and inference code" },
  { id: "trainingData", label: "Training data released" },
  { id: "dataDocs", label: "Data documentation" },
  { id: "useRestrictions", label: "Use restrictions" },
] as const;

const cellSchema = z.object({ value: z.string(), note: z.string().optional(), section: z.string().optional() });

/**
 * The /compare table: each definition's position on each criterion, linking to the
 * section of its current version that says it. Criteria name sections by heading;
 * the link uses the section's stable key so it survives re-ordering.
 */
export async function compareDefinitions() {
  const definitions = await db.definition.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      slug: true,
      title: true,
      criteria: true,
      versions: {
        where: { status: "published" },
        select: { label: true, sections: { select: { key: true, heading: true } } },
      },
    },
  });
  return definitions.map((d) => {
    const current = d.versions[0] ?? null;
    const raw = z.record(z.string(), cellSchema).safeParse(JSON.parse(d.criteria));
    const cells = raw.success ? raw.data : {};
    return {
      slug: d.slug,
      title: d.title,
      currentLabel: current?.label ?? null,
      cells: Object.fromEntries(
        CRITERIA.map((c) => {
          const cell = cells[c.id];
          const section = cell?.section ? current?.sections.find((s) => s.heading === cell.section) : undefined;
          return [c.id, cell ? { value: cell.value, note: cell.note ?? "", sectionKey: section?.key ?? null, sectionHeading: section?.heading ?? null } : null];
        }),
      ) as Record<(typeof CRITERIA)[number]["id"], { value: string; note: string; sectionKey: string | null; sectionHeading: string | null } | null>,
    };
  });
}
