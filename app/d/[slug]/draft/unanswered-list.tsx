import Link from "next/link";
import { listResponseQueue } from "@/lib/dispositions/list-response-queue";
import { responseQueuePath } from "@/lib/paths";

/**
 * Issue 13: what on the version this draft replaces still has no answer (the
 * amendments taken into the draft are answered "accepted" when it is published).
 * Publishing is not blocked; the count is recorded with the version.
 */
export async function UnansweredList({ slug, definitionId, baseLabel, takenIn }: { slug: string; definitionId: string; baseLabel: string; takenIn: string[] }) {
  const queue = await listResponseQueue({ definitionId, slug, filters: { version: baseLabel }, exceptAmendmentIds: takenIn });
  const { counts } = queue;
  return (
    <section aria-labelledby="unanswered-heading">
      <h2 id="unanswered-heading">Without an answer on {baseLabel}</h2>
      {counts.total === 0 ? (
        <p>Every thread and amendment on version {baseLabel} has an answer.</p>
      ) : (
        <>
          <p className="notice" role="status">
            {counts.threads} {counts.threads === 1 ? "thread" : "threads"} and {counts.amendments} {counts.amendments === 1 ? "amendment" : "amendments"} on version {baseLabel} have no answer yet.
            You can still publish: the new version records how many were left without one.
          </p>
          <table className="queue">
            <thead>
              <tr><th scope="col">Thread or amendment</th><th scope="col">Section</th></tr>
            </thead>
            <tbody>
              {queue.items.map((i) => (
                <tr key={i.ref}>
                  <td><Link href={i.path}>{i.type === "comment" ? "Thread" : "Amendment"}</Link> by {i.author.name}: {i.title}</td>
                  <td>{i.sectionHeading ?? "The version as a whole"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><Link href={responseQueuePath(slug, { version: baseLabel })}>Answer them in the queue{counts.total > queue.items.length ? ` (all ${counts.total})` : ""}</Link></p>
        </>
      )}
    </section>
  );
}
