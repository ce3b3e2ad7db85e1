import Link from "next/link";
import { notFound } from "next/navigation";
import { getDefinition } from "@/lib/definitions/get-definition";
import { getVersion } from "@/lib/versions/get-version";
import { orNotFound } from "@/lib/errors/or-not-found";
import { diffVersions, type DiffView } from "@/lib/versions/diff-versions";
import { renderWordDiff } from "@/lib/versions/render-word-diff";
import type { DiffPart } from "@/lib/versions/word-diff";
import { definitionPath, diffPath, historyPath } from "@/lib/paths";
import { getVersionsEffect } from "@/lib/systems/get-rule-change-effect";
import { RuleChangeSummary } from "@/app/systems/rule-change-summary";

function countWords(parts: DiffPart[], kind: DiffPart["kind"]) {
  return parts.filter((p) => p.kind === kind).reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0);
}

const CHANGE_LABEL = { added: "added", removed: "removed", changed: "changed", unchanged: "unchanged" } as const;

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ from?: string; to?: string; view?: string }> };

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
  // The text as read by default; ?view=source diffs the Markdown (docs/decisions/023-rough-edges.md).
  const view: DiffView = query.view === "source" ? "source" : "rendered";
  const diff = diffVersions(from, to, view);
  const otherView = `${diffPath(slug, { from: from.label, to: to.label })}${view === "rendered" ? "&view=source" : ""}`;
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
        {view === "source" && <input type="hidden" name="view" value="source" />}
        <button type="submit">Compare</button>
      </form>
      {effect && <RuleChangeSummary effect={effect} lead={`Between ${from.label} and ${to.label}`} />}
      <p className="diff-view">
        {view === "rendered" ? (
          <>Comparing the text as it reads (formatting and link addresses left out). <Link href={otherView}>Compare the Markdown source instead</Link></>
        ) : (
          <>Comparing the Markdown source, as stored and hashed. <Link href={otherView}>Compare the text as it reads instead</Link></>
        )}
      </p>
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
            ) : s.parts.every((p) => p.kind === "equal") ? (
              <p className="muted">The text reads the same; only its formatting or link addresses changed. <Link href={`${otherView}#d-${s.key}`}>See the source</Link></p>
            ) : (
              <div dangerouslySetInnerHTML={{ __html: renderWordDiff(s.parts) }} />
            )}
          </section>
        ))}
      </div>
    </>
  );
}
