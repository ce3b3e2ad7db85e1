import type { Metadata } from "next";
import { StaffBadges } from "@/app/_components/staff-badges";
import Link from "next/link";
import { listAmendments } from "@/lib/amendments/list-amendments";
import { amendmentListQuerySchema } from "@/lib/amendments/list-amendments.schema";
import { orNotFound } from "@/lib/errors/or-not-found";
import { AMENDMENT_STATUS_LABELS, amendmentStatusLabel } from "@/lib/amendments/amendment-status";
import { amendmentPath, amendmentsPath, ballotsPath, definitionPath, newAmendmentPath, userPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Amendments" };

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// "Open" is seeking or voting; every other filter is one status, named as everywhere else.
const FILTERS = [
  { value: "", label: "All" },
  { value: "open", label: "Open" },
  ...(["seeking", "voting", "closed", "accepted", "rejected", "merged", "stale", "withdrawn"] as const).map((status) => ({ value: status, label: capitalised(AMENDMENT_STATUS_LABELS[status]) })),
];

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function AmendmentsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const parsed = amendmentListQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { sort: "recent" as const, status: undefined, section: undefined };
  const list = await orNotFound(listAmendments({ input: { slug, status: query.status, sectionKey: query.section, sort: query.sort } }));
  const link = (change: Record<string, string | undefined>) => {
    return amendmentsPath(slug, { status: query.status, section: query.section, sort: query.sort === "recent" ? undefined : query.sort, ...change });
  };
  return (
    <>
      <p><Link href={definitionPath(slug)}>{list.definition.title}</Link></p>
      <h1>Amendments</h1>
      <p className="lede">
        Proposed changes to the text. Each needs sponsors before it goes to a vote; a maintainer then accepts or rejects it with a public reason.
        {list.definition.voteVisibility === "secret" ? " Votes on this definition are secret: only tallies are shown." : " Votes are public."}
      </p>
      <p><Link className="button" href={newAmendmentPath(slug)}>Propose an amendment</Link> <Link href={ballotsPath(slug)}>Ranked ballots</Link></p>
      <nav aria-label="Filter by status" className="comment-order">
        {FILTERS.map((f) =>
          (query.status ?? "") === f.value ? <strong key={f.value} aria-current="true">{f.label}</strong> : <Link key={f.value} href={link({ status: f.value || undefined })}>{f.label}</Link>,
        )}
      </nav>
      <nav aria-label="Sort" className="comment-order">
        Sort:{" "}
        {query.sort === "recent" ? <strong aria-current="true">most recent</strong> : <Link href={link({ sort: undefined })}>most recent</Link>}
        {query.sort === "support" ? <strong aria-current="true">most support</strong> : <Link href={link({ sort: "support" })}>most support</Link>}
      </nav>
      {query.section && <p>On one section only{list.amendments[0]?.sectionHeading ? <>: {list.amendments[0].sectionHeading}</> : null}. <Link href={link({ section: undefined })}>Show all sections</Link></p>}
      {list.amendments.length === 0 ? (
        <p>No amendments here yet.</p>
      ) : (
        <ol className="thread">
          {list.amendments.map((a) => (
            <li key={a.id} className="card">
              <h2><Link href={amendmentPath(slug, a.id)}>{a.title}</Link></h2>
              <ul className="stats">
                <li><span className={`badge status-${a.status}`}>{amendmentStatusLabel(a.status)}</span></li>
                <li>by <Link href={userPath(a.author.handle)}>{a.author.name}</Link><StaffBadges handle={a.author.handle} /></li>
                <li>on <Link href={link({ section: a.sectionKey })}>{a.sectionHeading ?? a.sectionKey}</Link> ({a.baseVersion})</li>
                {a.status === "seeking" ? <li>{a.sponsors} of {a.sponsorsRequired} sponsors</li> : <li>{a.tally.for} for · {a.tally.against} against · {a.tally.abstain} abstain</li>}
                {a.decision && <li>{a.decision.outcome} by {a.decision.by.name}</li>}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
