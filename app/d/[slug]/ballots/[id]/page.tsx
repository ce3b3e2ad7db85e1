import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { maintains } from "@/lib/auth/require-maintainer-of";
import { getBallot } from "@/lib/ballots/get-ballot";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatUtc } from "@/lib/format-utc";
import { ActionForm } from "@/app/_components/action-form";
import { acceptWinnerAction, castBallotAction, closeBallotAction, decideTieAction } from "@/app/d/[slug]/ballots/ballot-actions";
import { BallotResults } from "@/app/d/[slug]/ballots/[id]/ballot-results";
import { amendmentPath, ballotPath, ballotsPath, definitionPath, sectionPath, versionPath } from "@/lib/paths";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Ranked ballot · ${(await params).slug}` };
}

export default async function BallotPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const { voted } = await searchParams;
  const user = await currentUser();
  const ballot = await orNotFound(getBallot({ actor: user, input: { ballotId: id } }));
  if (ballot.definition.slug !== slug) notFound();
  const isMaintainer = await maintains(user, ballot.definition.id);
  const hidden = { slug, ballotId: ballot.id };
  const n = ballot.options.length;
  const winner = ballot.options.find((o) => o.id === ballot.winnerOptionId);

  return (
    <>
      <p><Link href={definitionPath(slug)}>{ballot.definition.title}</Link> · <Link href={ballotsPath(slug)}>Ranked ballots</Link></p>
      <h1>{ballot.title}</h1>
      <p className="version-meta">
        <span className="badge">{ballot.status}</span>
        {ballot.section ? (
          <span>on <Link href={sectionPath(slug, ballot.versionLabel ?? "", ballot.section.key)}>{ballot.section.heading}</Link>{ballot.versionLabel ? `, version ${ballot.versionLabel}` : ""}</span>
        ) : (
          <span>on the whole of {ballot.versionLabel ? <Link href={versionPath(slug, ballot.versionLabel)}>version {ballot.versionLabel}</Link> : "the version"}</span>
        )}
        <span>{ballot.status === "closed" ? `closed ${formatUtc(ballot.closedAt ?? ballot.closesAt)}` : ballot.status === "scheduled" ? `opens ${formatUtc(ballot.opensAt)}, closes ${formatUtc(ballot.closesAt)}` : `open until ${formatUtc(ballot.closesAt)}`}</span>
        <span>{ballot.voters} voter{ballot.voters === 1 ? "" : "s"}</span>
        <span>{ballot.secret ? "secret ballot: the tally sheet lists receipts, not names" : "public ballot: the tally sheet lists each voter's handle"}</span>
      </p>

      <h2>Options</h2>
      <ol className="ballot-options">
        {ballot.options.map((o) => (
          <li key={o.id} id={`option-${o.position}`}>
            <strong>{o.label}</strong>
            {o.isDefault && <span className="muted"> (default option)</span>}
            {o.majority !== 1 && <span className="muted"> · needs a {o.majority}:1 majority over the default</span>}
            {!ballot.section && o.sectionHeading && <span className="muted"> · rewrites {ballot.versionLabel ? <Link href={sectionPath(slug, ballot.versionLabel, o.sectionKey!)}>{o.sectionHeading}</Link> : o.sectionHeading}</span>}
            {o.amendmentId && <> · <Link href={amendmentPath(slug, o.amendmentId)}>the amendment</Link></>}
            {o.text && <div className="option-text" dangerouslySetInnerHTML={{ __html: renderMarkdown(o.text, "document") }} />}
          </li>
        ))}
      </ol>

      {ballot.status === "open" && (
        <section id="your-ballot" aria-labelledby="vote-heading">
          <h2 id="vote-heading">Your ballot</h2>
          {voted && ballot.own && <p className="notice" role="status">Your ballot is recorded (change {ballot.own.revision}). Your receipt: <code>{ballot.own.receipt}</code></p>}
          {!user ? (
            <p><Link href={`/signin?callbackUrl=${encodeURIComponent(ballotPath(slug, ballot.id))}`}>Sign in</Link> to vote.</p>
          ) : (
            <>
              <p className="muted">
                Give 1 to the option you prefer most, 2 to the next, and so on up to {n}. Equal numbers mean no preference; options left empty rank below every option you number.
                You can change your ballot until the ballot closes: the latest counts.
              </p>
              <ActionForm action={castBallotAction} hidden={{ ...hidden, optionIds: ballot.options.map((o) => o.id).join(",") }} submitLabel={ballot.own ? "Change my ballot" : "Cast my ballot"} className="stack ballot-form">
                {ballot.options.map((o) => (
                  <p key={o.id}>
                    <input id={`rank-${o.position}`} name={`rank:${o.id}`} type="number" min={1} max={n} step={1} inputMode="numeric" defaultValue={ballot.own?.ranks[o.id] ?? ""} className="rank-input" />{" "}
                    <label htmlFor={`rank-${o.position}`}>{o.label}</label>
                  </p>
                ))}
              </ActionForm>
              {ballot.own && !voted && <p className="muted">You have voted. Your receipt: <code>{ballot.own.receipt}</code></p>}
            </>
          )}
          {isMaintainer && <ActionForm action={closeBallotAction} hidden={hidden} submitLabel="Close the ballot now and count" />}
        </section>
      )}
      {ballot.status === "scheduled" && <p className="notice" id="your-ballot">This ballot is scheduled: voting opens {formatUtc(ballot.opensAt)}.</p>}

      {ballot.status === "closed" && ballot.result && (
        <>
          <BallotResults ballot={ballot} />
          {ballot.own && <p className="muted">Your receipt: <code>{ballot.own.receipt}</code></p>}
          {!ballot.winnerOptionId && user?.id === ballot.leadMaintainerId && (
            <ActionForm action={decideTieAction} hidden={hidden} submitLabel="Record my casting vote" className="stack">
              <label htmlFor="casting-vote">Your casting vote</label>
              <select id="casting-vote" name="optionId">
                {ballot.result.schwartzSet.map((key) => <option key={key} value={key}>{ballot.options.find((o) => o.id === key)?.label}</option>)}
              </select>
            </ActionForm>
          )}
          {winner && !winner.isDefault && (ballot.acceptedAmendmentId ? (
            <p>The winner was accepted as <Link href={amendmentPath(slug, ballot.acceptedAmendmentId)}>an amendment</Link> for the next draft.</p>
          ) : isMaintainer && (
            <ActionForm action={acceptWinnerAction} hidden={hidden} submitLabel="Accept the winner as an amendment for the next draft" />
          ))}
        </>
      )}
    </>
  );
}
