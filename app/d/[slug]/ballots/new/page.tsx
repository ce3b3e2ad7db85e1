import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { maintains } from "@/lib/auth/require-maintainer-of";
import { listBallotCandidates } from "@/lib/ballots/list-ballot-candidates";
import { BALLOT_MAX_DAYS, BALLOT_MAX_OPTIONS, WHOLE_VERSION, WRITTEN_OPTION_ROWS } from "@/lib/ballots/ballot-rules";
import { orNotFound } from "@/lib/errors/or-not-found";
import { ActionForm } from "@/app/_components/action-form";
import { openBallotAction } from "@/app/d/[slug]/ballots/ballot-actions";
import { amendmentStatusLabel } from "@/lib/amendments/amendment-status";
import { ballotsPath, definitionPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Open a ranked ballot" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

function MajoritySelect({ name, id }: { name: string; id: string }) {
  return (
    <select name={name} id={id} defaultValue="1">
      <option value="1">1:1 (simple majority)</option>
      <option value="3">3:1 (changes a foundational criterion)</option>
    </select>
  );
}

export default async function NewBallotPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { section } = await searchParams;
  const data = await orNotFound(listBallotCandidates({ slug }));
  const user = await currentUser();
  const head = <p><Link href={definitionPath(slug)}>{data.definition.title}</Link> · <Link href={ballotsPath(slug)}>Ranked ballots</Link></p>;
  if (!(await maintains(user, data.definition.id))) {
    return <>{head}<h1>Open a ranked ballot</h1><p className="notice">Only this definition&apos;s maintainers can open ballots.{user ? "" : " Sign in first."}</p></>;
  }
  if (!data.version) return <>{head}<h1>Open a ranked ballot</h1><p className="notice">This definition has no published version yet.</p></>;
  return (
    <>
      {head}
      <h1>Open a ranked ballot</h1>
      <p className="lede">
        Put 2 to {BALLOT_MAX_OPTIONS} competing texts for one section of version {data.version.label}, or for the version as a whole, to a ranked vote. &ldquo;None of the above&rdquo; (keep the current text) is always added as the default option.
      </p>
      <ActionForm action={openBallotAction} hidden={{ slug, versionId: data.version.id, amendmentIds: data.amendments.map((a) => a.id).join(",") }} submitLabel="Open the ballot" className="stack">
        <label htmlFor="ballot-title">Title</label>
        <input id="ballot-title" name="title" required maxLength={200} />
        <label htmlFor="ballot-section">Section</label>
        <select id="ballot-section" name="sectionKey" defaultValue={section ?? data.version.sections[0]?.key} aria-describedby="ballot-section-hint">
          {data.version.sections.map((s) => <option key={s.key} value={s.key}>{s.heading}</option>)}
          <option value={WHOLE_VERSION}>The whole version (options on any section)</option>
        </select>
        <p id="ballot-section-hint" className="muted hint">On the whole version, the amendments may be on any section and each written option names the section it rewrites.</p>
        <label htmlFor="ballot-opens">Voting opens (UTC; leave empty to open now)</label>
        <input id="ballot-opens" name="opensAt" type="datetime-local" />
        <label htmlFor="ballot-days">Voting period (days)</label>
        <input id="ballot-days" name="days" type="number" min={1} max={BALLOT_MAX_DAYS} defaultValue={14} required />
        <fieldset>
          <legend>Quorum</legend>
          <p><label><input type="radio" name="quorumRule" value="fixed" defaultChecked /> A number of voters: </label>
            <input aria-label="Quorum (voters)" name="quorum" type="number" min={0} defaultValue={0} /></p>
          <p><label><input type="radio" name="quorumRule" value="debian" /> Debian&apos;s rule: 1.5 × √(members)</label></p>
          <p className="muted hint">An option other than the default is dropped unless at least this many voters rank it above &ldquo;None of the above&rdquo;.</p>
        </fieldset>
        <p><label><input type="checkbox" name="secret" defaultChecked={data.definition.voteVisibility === "secret"} /> Secret ballot: the tally sheet shows receipts instead of voters&apos; handles.</label></p>
        <fieldset>
          <legend>Amendments that have their sponsors</legend>
          {data.amendments.length === 0 ? <p className="muted">None at the moment.</p> : data.amendments.map((a) => (
            <p key={a.id}>
              <label><input type="checkbox" name={`amendment:${a.id}`} /> {a.title} <span className="muted">(section {data.version?.sections.find((s) => s.key === a.sectionKey)?.heading ?? a.sectionKey}, {amendmentStatusLabel(a.status)})</span></label>{" "}
              <label className="muted" htmlFor={`majority-${a.id}`}>majority</label> <MajoritySelect name={`majority:${a.id}`} id={`majority-${a.id}`} />
            </p>
          ))}
        </fieldset>
        {Array.from({ length: WRITTEN_OPTION_ROWS }, (_, i) => (
          <fieldset key={i}>
            <legend>Written option {i + 1} (optional)</legend>
            <label htmlFor={`label${i + 1}`}>Label</label>
            <input id={`label${i + 1}`} name={`label${i + 1}`} maxLength={120} />
            <label htmlFor={`section${i + 1}`}>Section it rewrites</label>
            <select id={`section${i + 1}`} name={`section${i + 1}`} defaultValue="">
              <option value="">The ballot&apos;s section</option>
              {data.version!.sections.map((s) => <option key={s.key} value={s.key}>{s.heading}</option>)}
            </select>
            <label htmlFor={`text${i + 1}`}>The section&apos;s text if this option wins (Markdown)</label>
            <textarea id={`text${i + 1}`} name={`text${i + 1}`} rows={4} />
            <label htmlFor={`majority${i + 1}`}>Majority ratio</label> <MajoritySelect name={`majority${i + 1}`} id={`majority${i + 1}`} />
          </fieldset>
        ))}
      </ActionForm>
    </>
  );
}
