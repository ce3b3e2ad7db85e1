import Link from "next/link";
import { amendmentsPath, definitionPath, diffPath, historyPath, userPath } from "@/lib/paths";

type Props = {
  definition: { slug: string; title: string; steward: string; sources: { label: string; url: string }[] };
  version: { label: string; status: string; publishedAt: Date; contentHash: string | null; publishedBy: { handle: string; name: string | null } | null };
  current: { label: string } | null;
};

export function VersionHeader({ definition, version, current }: Props) {
  return (
    <header>
      <p className="muted">{definition.steward}</p>
      <h1>{definition.title} <span className="muted">{version.label}</span></h1>
      <div className="version-meta">
        <span className={`badge ${version.status}`}>{version.status}</span>
        <span>Published <time dateTime={version.publishedAt.toISOString()}>{version.publishedAt.toISOString().slice(0, 10)}</time></span>
        {version.publishedBy && <span>by <Link href={userPath(version.publishedBy.handle)}>{version.publishedBy.name ?? version.publishedBy.handle}</Link></span>}
        <Link href={historyPath(definition.slug)}>History</Link>
        <Link href={amendmentsPath(definition.slug)}>Amendments</Link>
        <Link href={diffPath(definition.slug, { to: version.label })}>Changes in this version</Link>
      </div>
      {version.status === "superseded" && current && (
        <p className="notice">
          This version has been superseded. <Link href={definitionPath(definition.slug)}>Read the current version, {current.label}</Link>.
        </p>
      )}
      {definition.sources.length > 0 && (
        <p className="muted">
          Official source{definition.sources.length > 1 ? "s" : ""}:{" "}
          {definition.sources.map((s, i) => (
            <span key={s.url}>{i > 0 && ", "}<a href={s.url} rel="noopener">{s.label}</a></span>
          ))}
          . The text below is OpenDef&apos;s paraphrase, not the official wording.
        </p>
      )}
    </header>
  );
}
