import Link from "next/link";
import { listDefinitions } from "@/lib/definitions/list-definitions";
import { definitionPath, versionPath } from "@/lib/paths";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const definitions = await listDefinitions();
  return (
    <>
      <h1>What should &ldquo;open&rdquo; mean for AI?</h1>
      <p className="lede">
        Four competing definitions, side by side, with their whole version history. Read them without an account;
        sign in to comment on a section, propose amendments and vote. Every word of the deliberation is public.
      </p>
      <p><Link href="/compare">Compare the definitions on the criteria that separate them</Link></p>
      <ul className="cards" aria-label="Definitions">
        {definitions.map((d) => (
          <li key={d.slug} className="card">
            <h2><Link href={definitionPath(d.slug)}>{d.title}</Link></h2>
            <p className="muted">{d.steward}</p>
            <p>{d.summary}</p>
            <ul className="stats">
              <li>
                {d.currentVersion ? (
                  <>Current: <Link href={versionPath(d.slug, d.currentVersion.label)}>{d.currentVersion.label}</Link>{" "}
                    <span className="badge published">published</span></>
                ) : (
                  "No published version"
                )}
              </li>
              <li>{d.versionCount} {d.versionCount === 1 ? "version" : "versions"}</li>
              <li>{d.commentCount} {d.commentCount === 1 ? "comment" : "comments"}</li>
              <li>{d.openAmendmentCount} open {d.openAmendmentCount === 1 ? "amendment" : "amendments"}</li>
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
