import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { dispositionKindsFor } from "@/lib/auth/require-disposition-right";
import { getDefinition } from "@/lib/definitions/get-definition";
import { orNotFound } from "@/lib/errors/or-not-found";
import { listResponseQueue, type QueueFilters } from "@/lib/dispositions/list-response-queue";
import { DispositionForm } from "@/app/_components/disposition-form";
import { setDispositionAction, setDispositionsAction } from "@/app/d/[slug]/responses/disposition-actions";
import { definitionPath, responseQueuePath, userPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Threads awaiting an answer", robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

/**
 * Every thread and amendment of the definition still without an answer, oldest
 * first: anyone can read it; maintainers (and moderators, for out of scope and
 * duplicates) answer inline or several at once. Plain forms: no JavaScript needed.
 */
export default async function ResponseQueuePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const query = await searchParams;
  const definition = await orNotFound(getDefinition(slug));
  const kind = one(query.kind);
  const filters: QueueFilters = { version: one(query.version), section: one(query.section), kind: kind === "thread" || kind === "amendment" ? kind : undefined };
  const cursor = one(query.cursor) ?? null;
  const user = await currentUser();
  const [queue, rights] = await Promise.all([
    orNotFound(listResponseQueue({ definitionId: definition.id, slug, filters, cursor })),
    dispositionKindsFor(user, definition.id),
  ]);
  const here = responseQueuePath(slug, { ...filters, cursor });
  const sectionOptions = new Map<string, string>();
  for (const v of queue.versions) if (!filters.version || v.label === filters.version) for (const s of v.sections) if (!sectionOptions.has(s.key)) sectionOptions.set(s.key, s.heading);
  const canBulk = rights.others.length > 0 && queue.items.length > 0;
  const { counts } = queue;

  return (
    <div className="queue">
      <p><Link href={definitionPath(slug)}>{definition.title}</Link></p>
      <h1>Threads and amendments awaiting an answer</h1>
      <p className="notice" role="status">
        <strong>{counts.total}</strong> without an answer: {counts.threads} {counts.threads === 1 ? "thread" : "threads"}, {counts.amendments} {counts.amendments === 1 ? "amendment" : "amendments"}
        {filters.version || filters.section || filters.kind ? " (filtered)" : ""}. Oldest first.
      </p>
      <form method="get" className="queue-filters" aria-label="Filter the queue">
        <label>Version{" "}
          <select name="version" defaultValue={filters.version ?? ""}>
            <option value="">All versions</option>
            {queue.versions.map((v) => <option key={v.label} value={v.label}>{v.label}</option>)}
          </select>
        </label>
        <label>Section{" "}
          <select name="section" defaultValue={filters.section ?? ""}>
            <option value="">All sections</option>
            {[...sectionOptions].map(([key, heading]) => <option key={key} value={key}>{heading}</option>)}
          </select>
        </label>
        <label>Kind{" "}
          <select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Threads and amendments</option>
            <option value="thread">Threads</option>
            <option value="amendment">Amendments</option>
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>

      {queue.items.length === 0 ? (
        <p>Nothing is waiting for an answer{filters.version || filters.section || filters.kind ? " with these filters" : ""}.</p>
      ) : (
        // On a phone the table scrolls in its own box, not the page.
        <div className="table-scroll" role="region" aria-label="Threads and amendments awaiting an answer" tabIndex={0}>
        <table>
          <thead>
            <tr>
              {canBulk && <th scope="col"><span className="visually-hidden">Select</span></th>}
              <th scope="col">Thread or amendment</th>
              <th scope="col">Where</th>
              {rights.own.length > 0 && <th scope="col">Answer</th>}
            </tr>
          </thead>
          <tbody>
            {queue.items.map((item) => {
              const kinds = user && item.author.handle === user.handle ? rights.own : rights.others;
              const what = `${item.type === "comment" ? "thread" : "amendment"} by ${item.author.name}`;
              return (
                <tr key={item.ref} id={`q-${item.id}`}>
                  {canBulk && (
                    <td>
                      <input type="checkbox" name="targets" value={item.ref} form="bulk-form" id={`pick-${item.id}`} aria-label={`Select the ${what}`} />
                    </td>
                  )}
                  <td>
                    <Link href={item.path}>{item.type === "comment" ? "Thread" : "Amendment"}</Link> by <Link href={userPath(item.author.handle)}>{item.author.name}</Link>,{" "}
                    <time dateTime={item.createdAt.toISOString()}>{item.createdAt.toISOString().slice(0, 10)}</time>: {item.title}
                  </td>
                  <td>{item.versionLabel}{item.sectionHeading ? `, ${item.sectionHeading}` : ", the version as a whole"}</td>
                  {rights.own.length > 0 && (
                    <td>
                      {kinds.length > 0 && (
                        <details>
                          <summary>Answer<span className="visually-hidden"> the {what}</span></summary>
                          <DispositionForm action={setDispositionAction} hidden={{ slug, target: item.ref, returnTo: here }} kinds={kinds} idPrefix={`a-${item.id}`} legend={`Answer the ${what}`} />
                        </details>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
      {(cursor || queue.nextCursor) && (
        <nav aria-label="Queue pages" className="pager">
          {cursor && <Link href={responseQueuePath(slug, { ...filters })}>First page</Link>}
          {queue.nextCursor && <Link href={responseQueuePath(slug, { ...filters, cursor: queue.nextCursor })}>Next page</Link>}
        </nav>
      )}
      {canBulk && (
        <section aria-labelledby="bulk-heading">
          <h2 id="bulk-heading">Answer the selected ones at once</h2>
          <p className="muted">Tick threads and amendments above, then give them one answer: useful for duplicates and for what is out of scope.</p>
          <DispositionForm
            action={setDispositionsAction}
            hidden={{ slug, returnTo: here }}
            kinds={rights.others}
            idPrefix="bulk"
            formId="bulk-form"
            legend="One answer for every selected thread and amendment"
            submitLabel="Answer the selected"
          />
        </section>
      )}
    </div>
  );
}
