import Link from "next/link";
import { getDefinition } from "@/lib/definitions/get-definition";
import { verifyDefinitionHistory } from "@/lib/versions/verify-definition-history";
import { orNotFound } from "@/lib/errors/or-not-found";
import { renderChangelog } from "@/lib/versions/render-changelog";
import { definitionPath, diffPath, userPath, versionPath } from "@/lib/paths";
import { getHistoryEffects } from "@/lib/systems/get-rule-change-effect";
import { RuleChangeSummary } from "@/app/systems/rule-change-summary";

export const dynamic = "force-dynamic";

export default async function HistoryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const definition = await orNotFound(getDefinition(slug));
  const [verification, effects] = await Promise.all([verifyDefinitionHistory(definition.id), getHistoryEffects(slug)]);
  const versions = [...definition.versions].reverse();
  return (
    <>
      <p><Link href={definitionPath(slug)}>{definition.title}</Link></p>
      <h1>Version history</h1>
      <p className={verification.ok ? "notice" : "notice form-error"} role="status">
        {verification.ok
          ? `Hash chain verified: each of the ${definition.versions.length} versions' SHA-256 matches its text and links to the one before it.`
          : `Hash chain broken at version ${verification.label}: ${verification.problem}`}
      </p>
      <ol reversed className="history">
        {versions.map((v, i) => {
          const previous = versions[i + 1];
          return (
            <li key={v.label}>
              <h2>
                <Link href={versionPath(slug, v.label)}>{v.label}</Link>{" "}
                <span className={`badge ${v.status}`}>{v.status}</span>
              </h2>
              <p>
                Published <time dateTime={v.publishedAt.toISOString()}>{v.publishedAt.toISOString().slice(0, 10)}</time>
                {v.publishedBy && <> by <Link href={userPath(v.publishedBy.handle)}>{v.publishedBy.name ?? v.publishedBy.handle}</Link></>}
                {previous && <> · <Link href={diffPath(slug, { from: previous.label, to: v.label })}>Changes from {previous.label}</Link></>}
              </p>
              <div className="changelog" dangerouslySetInnerHTML={{ __html: renderChangelog(v.changelog) }} />
              {previous && effects.get(v.label) && <RuleChangeSummary effect={effects.get(v.label)!} lead={`Between ${previous.label} and ${v.label}`} />}
              <dl>
                <dt>SHA-256 of the text</dt>
                <dd className="hash">{v.contentHash}</dd>
                <dt>Previous version&apos;s hash</dt>
                <dd className="hash">{v.previousHash ?? "none (first version)"}</dd>
              </dl>
            </li>
          );
        })}
      </ol>
      <p className="muted">
        To verify yourself: fetch <code>/api/v1/definitions/{slug}/versions/&lt;label&gt;</code>, compute the SHA-256 of its <code>body</code> (UTF-8) and compare it with <code>contentHash</code>; each <code>previousHash</code> must equal the <code>contentHash</code> of the version before.
      </p>
    </>
  );
}
