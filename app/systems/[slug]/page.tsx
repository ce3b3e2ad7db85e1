import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { curates } from "@/lib/auth/require-curator";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getSystem } from "@/lib/systems/get-system";
import { CRITERIA, criterionLabel, FACT_VALUES } from "@/lib/systems/criteria";
import { definitionPath, systemPath, systemsPath, userPath, versionPath } from "@/lib/paths";
import { ActionForm } from "@/app/_components/action-form";
import { VerdictText } from "@/app/systems/verdict-cell";
import { decideCorrectionAction, proposeCorrectionAction } from "@/app/systems/[slug]/system-actions";
import { SystemDiscussion } from "@/app/systems/[slug]/system-discussion";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  return { title: `System ${slug}` };
}

const SOURCE_NAMES: Record<string, string> = { osi: "Open Source Initiative", mof: "Model Openness Framework (Model Openness Tool data)", index: "European Open Source AI Index" };

export default async function SystemPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const search = await searchParams;
  const one = (key: string) => (typeof search[key] === "string" && search[key] !== "" ? (search[key] as string) : null);
  const [system, user] = await Promise.all([orNotFound(getSystem(slug)), currentUser()]);
  const curator = await curates(user);
  const open = system.corrections.filter((c) => c.status === "open");
  return (
    <>
      <p><Link href={systemsPath()}>← All systems</Link></p>
      <h1>{system.name}</h1>
      <p className="lede">
        {system.developer} · released {system.released} · {system.sizes}
      </p>
      <ul>
        {system.links.map((l) => (
          <li key={l.url}><a href={l.url} rel="noopener noreferrer">{l.label}</a></li>
        ))}
      </ul>

      <h2>Verdicts by version</h2>
      <p>Derived by OpenDef from each version&rsquo;s rules and the facts below (as they stand now).</p>
      {system.verdicts.map((d) => (
        <section key={d.slug} id={`verdict-${d.slug}`} aria-labelledby={`h-${d.slug}`}>
          <h3 id={`h-${d.slug}`}><Link href={definitionPath(d.slug)}>{d.title}</Link></h3>
          <ul>
            {d.versions.map((v) => (
              <li key={v.label}>
                <Link href={versionPath(d.slug, v.label)}>{v.label}</Link>
                {v.current ? " (current)" : ""}
                {v.publishedAt ? `, ${v.publishedAt.toISOString().slice(0, 10)}` : ""}: <VerdictText verdict={v.verdict} />
              </li>
            ))}
          </ul>
        </section>
      ))}

      <h2>Published classifications by others</h2>
      <p>Shown for comparison; OpenDef&rsquo;s verdicts above never use them.</p>
      {system.external.length === 0 ? (
        <p className="muted">None found.</p>
      ) : (
        <ul>
          {system.external.map((e) => (
            <li key={`${e.source}-${e.subject}`}>
              <strong>{SOURCE_NAMES[e.source] ?? e.source}</strong>
              {e.subject ? ` (on ${e.subject})` : ""}: {e.verdict}. <a href={e.url} rel="noopener noreferrer">Source</a>, as of {e.asOf}.
            </li>
          ))}
        </ul>
      )}

      <h2>Facts</h2>
      {system.history.map(({ criterion, revisions }) => {
        const [now, ...earlier] = revisions;
        return (
          <section key={criterion.id} id={criterion.id} aria-labelledby={`f-${criterion.id}`} className="card">
            <h3 id={`f-${criterion.id}`}>{criterion.label}: {now ? now.value : "unknown (no fact yet)"}</h3>
            <p className="muted">{criterion.question}</p>
            {now && (
              <>
                <p>{now.explanation}</p>
                <p>
                  Sources:{" "}
                  {now.sources.map((url, i) => (
                    <span key={url}>{i > 0 ? ", " : ""}<a href={url} rel="noopener noreferrer">{url}</a></span>
                  ))}
                  . As of {now.asOf}. Revision {now.revision} by <Link href={userPath(now.author.handle)}>{now.author.name ?? now.author.handle}</Link>: {now.reason}
                </p>
              </>
            )}
            {earlier.length > 0 && (
              <details>
                <summary>Earlier revisions ({earlier.length})</summary>
                <ul>
                  {earlier.map((r) => (
                    <li key={r.revision}>
                      Revision {r.revision}: {r.value}, as of {r.asOf}. {r.explanation} ({r.sources.join(", ")})
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}

      <h2 id="corrections">Corrections</h2>
      {system.corrections.length === 0 && <p className="muted">None proposed yet.</p>}
      <ul>
        {system.corrections.map((c) => (
          <li key={c.id} id={`correction-${c.id}`}>
            <strong>{criterionLabel(c.criterion)} → {c.value}</strong>, proposed by <Link href={userPath(c.proposer.handle)}>{c.proposer.name ?? c.proposer.handle}</Link> on{" "}
            {c.createdAt.toISOString().slice(0, 10)}: {c.explanation} Sources: {c.sources.join(", ")}. As of {c.asOf}.{" "}
            <span className="badge">{c.status}</span>
            {c.decidedBy && (
              <span> by {c.decidedBy.name ?? c.decidedBy.handle}: {c.decisionReason}</span>
            )}
            {c.status === "open" && curator && (
              <ActionForm
                action={decideCorrectionAction}
                hidden={{ correctionId: c.id }}
                submitLabel="Decide"
                buttons={[{ name: "outcome", value: "accepted", label: "Accept" }, { name: "outcome", value: "rejected", label: "Reject" }]}
              >
                <label htmlFor={`reason-${c.id}`}>Reason (the proposer is told)</label>
                <input id={`reason-${c.id}`} name="reason" type="text" required minLength={5} />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      {open.length > 0 && !curator && <p className="muted">Curators decide open corrections.</p>}

      <h3>Propose a correction</h3>
      {user ? (
        <ActionForm action={proposeCorrectionAction} hidden={{ systemSlug: system.slug }} submitLabel="Propose correction">
          <label htmlFor="c-criterion">Fact</label>
          <select id="c-criterion" name="criterion" required>
            {CRITERIA.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
          <label htmlFor="c-value">Value</label>
          <select id="c-value" name="value" required>
            {FACT_VALUES.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
          <label htmlFor="c-explanation">Explanation</label>
          <textarea id="c-explanation" name="explanation" rows={3} required />
          <label htmlFor="c-sources">Sources (http or https addresses, one per line; at least one)</label>
          <textarea id="c-sources" name="sources" rows={2} required />
          <label htmlFor="c-asof">As of (YYYY-MM-DD)</label>
          <input id="c-asof" name="asOf" type="date" required defaultValue={new Date().toISOString().slice(0, 10)} />
        </ActionForm>
      ) : (
        <p><Link href={`/signin?callbackUrl=${encodeURIComponent(systemPath(system.slug, "corrections"))}`}>Sign in</Link> to propose a correction.</p>
      )}

      <SystemDiscussion
        system={system}
        user={user}
        query={{ order: one("order") === "newest" ? "newest" : "oldest", cursor: one("cursor"), reply: one("reply"), edit: one("edit") }}
      />
    </>
  );
}
