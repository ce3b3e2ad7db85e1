import Link from "next/link";
import { notFound } from "next/navigation";
import { getDefinition } from "@/lib/definitions/get-definition";
import { getVersion } from "@/lib/versions/get-version";
import { orNotFound } from "@/lib/errors/or-not-found";
import { diffVersions } from "@/lib/versions/diff-versions";
import { renderWordDiff } from "@/lib/versions/render-word-diff";
import type { DiffPart } from "@/lib/versions/word-diff";
import { definitionPath, historyPath } from "@/lib/paths";
import { getVersionsEffect } from "@/lib/systems/get-rule-change-effect";
import { RuleChangeSummary } from "@/app/systems/rule-change-summary";

function countWords(parts: DiffPart[], kind: DiffPart["kind"]) {
  return parts.filter((p) => p.kind === kind).reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0);
}

const CHANGE_LABEL = { added: "added", removed: "removed", changed: "changed", unchanged: "unchanged" } as const;

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export default async function DiffPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const definition = await orNotFound(getDefinition(slug));
  const labels = definition.versions.map((v) => v.label);
  const toLabel = typeof query.to === "string" ? query.to : definition.current?.label;
  if (!toLabel || !labels.includes(toLabel)) notFound();
  const fromLabel = typeof query.from === "string" ? query.from : labels[labels.indexOf(toLabel) - 1];
  if (!fromLabel || !labels.includes(fromLabel)) notFound();

  const [from, to] = await Promise.all([orNotFound(getVersion(slug, fromLabel)), orNotFound(getVersion(slug, toLabel))]);
  const diff = diffVersions(from, to);
  const effect = await getVersionsEffect(slug, from.label, to.label);
  const allParts = [...diff.preamble, ...diff.sections.flatMap((s) => s.parts)];
  const inserted = countWords(allParts, "insert");
  const deleted = countWords(allParts, "delete");

  return (
    <>
      <p><Link href={definitionPath(slug)}>{definition.title}</Link> · <Link href={historyPath(slug)}>History</Link></p>
      <h1>Changes from {from.label} to {to.label}</h1>
      <form method="get" className="version-meta diff-picker" aria-label="Choose versions to compare">
        <label htmlFor="from">From</label>
        <select id="from" name="from" defaultValue={from.label}>
          {labels.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <label htmlFor="to">To</label>
        <select id="to" name="to" defaultValue={to.label}>
          {labels.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <button type="submit">Compare</button>
      </form>
      {effect && <RuleChangeSummary effect={effect} lead={`Between ${from.label} and ${to.label}`} />}
      <p className="diff-legend">
        {inserted} words inserted (<ins>underlined, marked &ldquo;inserted&rdquo;</ins>), {deleted} words deleted (<del>struck through, marked &ldquo;deleted&rdquo;</del>).
      </p>
      <div className="diff" aria-label={`Word-level changes from ${from.label} to ${to.label}`}>
        {diff.preamble.some((p) => p.kind !== "equal") && <div dangerouslySetInnerHTML={{ __html: renderWordDiff(diff.preamble) }} />}
        {diff.sections.map((s) => (
          <section key={s.key} aria-labelledby={`d-${s.key}`} className={`diff-section ${s.change}`}>
            <h2 id={`d-${s.key}`}>
              {s.heading} <span className="badge">{CHANGE_LABEL[s.change]}</span>
              {s.previousHeading && <span className="muted"> (was &ldquo;{s.previousHeading}&rdquo;)</span>}
            </h2>
            {s.change === "unchanged" ? (
              <p className="muted">No changes in this section.</p>
            ) : (
              <div dangerouslySetInnerHTML={{ __html: renderWordDiff(s.parts) }} />
            )}
          </section>
        ))}
      </div>
    </>
  );
}
