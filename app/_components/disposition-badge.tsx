import Link from "next/link";
import type { DispositionHistory, DispositionView } from "@/lib/dispositions/list-dispositions";
import { userPath } from "@/lib/paths";
import { StaffBadges } from "@/app/_components/staff-badges";

function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function Answer({ d }: { d: DispositionView }) {
  return (
    <>
      <strong className={`badge disposition ${d.kind}`}>{d.label}</strong>{" "}
      {d.acceptedIn && <>in version <Link href={d.acceptedIn.path}>{d.acceptedIn.label}</Link> </>}
      {d.duplicateOf && <>of <Link href={d.duplicateOf.path}>this {d.duplicateOf.ref.startsWith("comment:") ? "thread" : "amendment"}</Link> </>}
      <span className="muted">
        by <Link href={userPath(d.author.handle)}>{d.author.name}</Link><StaffBadges handle={d.author.handle} />, <time dateTime={d.createdAt.toISOString()}>{utcDate(d.createdAt)}</time>
        {d.automatic && " (taken in when the version was published)"}
      </span>
      {d.reasonHtml && <div className="disposition-reason" dangerouslySetInnerHTML={{ __html: d.reasonHtml }} />}
    </>
  );
}

/** The public answer of a thread or an amendment, in words (not colour alone), with its earlier answers. */
export function DispositionBadge({ history, id }: { history: DispositionHistory; id?: string }) {
  return (
    <div className="disposition-box" id={id} role="note" aria-label={`Answer: ${history.current.label}`}>
      {/* A div, not a p: the reason is Markdown (paragraphs, lists), and a p cannot hold
          them; the browser would close it early, and React's hydration would find a page
          that differs from what it rendered and render the whole page again. */}
      <div className="disposition-line">Answer: <Answer d={history.current} /></div>
      {history.earlier.length > 0 && (
        <details>
          <summary>{history.earlier.length} earlier {history.earlier.length === 1 ? "answer" : "answers"}</summary>
          <ol className="disposition-history">
            {history.earlier.map((d) => <li key={d.id}><Answer d={d} /></li>)}
          </ol>
        </details>
      )}
    </div>
  );
}
