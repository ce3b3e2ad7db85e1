import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { maintains } from "@/lib/auth/require-maintainer-of";
import { listBallots } from "@/lib/ballots/list-ballots";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatUtc } from "@/lib/format-utc";
import { ballotPath, definitionPath, newBallotPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ranked ballots" };

type Props = { params: Promise<{ slug: string }> };

export default async function BallotsPage({ params }: Props) {
  const { slug } = await params;
  const list = await orNotFound(listBallots({ slug }));
  const user = await currentUser();
  const canOpen = await maintains(user, list.definition.id);
  return (
    <>
      <p><Link href={definitionPath(slug)}>{list.definition.title}</Link></p>
      <h1>Ranked ballots</h1>
      <p className="lede">
        When several texts compete for one section (or for the version as a whole), members rank them and one is chosen, as Debian decides its general resolutions:
        the Condorcet method with Schulze&apos;s beatpath, a default option &ldquo;None of the above&rdquo;, a quorum and majority ratios.
        Anyone can download the tally sheet of a closed ballot and recount it.
      </p>
      {canOpen && <p><Link className="button" href={newBallotPath(slug)}>Open a ballot</Link></p>}
      {list.ballots.length === 0 ? (
        <p>No ballots on this definition yet.</p>
      ) : (
        <ol className="thread">
          {list.ballots.map((b) => (
            <li key={b.id} className="card">
              <h2><Link href={ballotPath(slug, b.id)}>{b.title}</Link></h2>
              <ul className="stats">
                <li><span className="badge">{b.status}</span></li>
                <li>{b.sectionKey === null ? "whole version" : `section ${b.sectionKey}`}</li>
                <li>{b.options} options</li>
                <li>{b.voters} voter{b.voters === 1 ? "" : "s"}</li>
                <li>{b.status === "closed" ? `closed ${formatUtc(b.closedAt ?? b.closesAt)}` : b.status === "scheduled" ? `opens ${formatUtc(b.opensAt)}` : `closes ${formatUtc(b.closesAt)}`}</li>
                {b.secret && <li>secret</li>}
                {b.winner && <li>winner: {b.winner}</li>}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
