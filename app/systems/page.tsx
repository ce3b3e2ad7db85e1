import type { Metadata } from "next";
import Link from "next/link";
import { listSystems } from "@/lib/systems/list-systems";
import { osiAgreement } from "@/lib/systems/osi-agreement";
import { VERDICT_WORDS } from "@/lib/systems/classify";
import { definitionPath, systemPath, systemsPath, versionPath } from "@/lib/paths";
import { VerdictText } from "@/app/systems/verdict-cell";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Systems" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function SystemsPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const query = { sort: one(params.sort), filter: one(params.filter), q: one(params.q) };
  const [{ columns, rows }, agreement] = await Promise.all([listSystems(query), osiAgreement()]);
  const disagreements = agreement.filter((a) => !a.agrees);
  return (
    <>
      <h1>What each definition admits</h1>
      <p className="lede">
        Real AI systems, classified by the current version of each definition. OpenDef derives each verdict from the
        version&rsquo;s rules and the sourced facts on the system&rsquo;s page; anyone signed in can propose a correction
        to a fact. Verdicts published by others (the OSI, the Model Openness Framework, the European Open Source AI Index)
        are on each system&rsquo;s page, kept apart.
      </p>
      <p>
        Download: <a href="/systems/systems.csv">CSV</a> · <a href="/systems/systems.json">JSON</a> · <Link href="/compare">the rules side by side</Link>
      </p>

      <form method="get" action="/systems" className="inline-form">
        <label htmlFor="systems-q">Find a system or developer</label>{" "}
        <input id="systems-q" name="q" type="search" defaultValue={query.q ?? ""} />
        {query.sort && <input type="hidden" name="sort" value={query.sort} />}
        {query.filter && <input type="hidden" name="filter" value={query.filter} />}{" "}
        <button type="submit">Find</button>
      </form>
      <p>
        Show only:{" "}
        {columns.map((c) => (
          <span key={c.slug}>
            {c.title}:{" "}
            {(["admitted", "not_admitted", "undecided"] as const).map((v) => (
              <span key={v}>
                <Link href={systemsPath({ ...query, filter: `${c.slug}:${v}` })} aria-current={query.filter === `${c.slug}:${v}` ? "true" : undefined}>
                  {VERDICT_WORDS[v].words}
                </Link>{" "}
              </span>
            ))}
            ·{" "}
          </span>
        ))}
        {(query.filter || query.q || query.sort) && <Link href={systemsPath()}>all systems, by name</Link>}
      </p>

      <div className="table-scroll">
        <table className="compare systems-matrix">
          <caption>
            {rows.length} system{rows.length === 1 ? "" : "s"} × the current version of each definition
            {query.filter ? ` (only ${query.filter.replace(":", ": ").replace("_", " ")})` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Link href={systemsPath({ ...query, sort: undefined })}>System</Link>
              </th>
              {columns.map((c) => (
                <th scope="col" key={c.slug} aria-sort={query.sort === c.slug ? "ascending" : undefined}>
                  <Link href={definitionPath(c.slug)}>{c.title}</Link>
                  {c.label && (
                    <div className="muted">
                      <Link href={versionPath(c.slug, c.label)}>version {c.label}</Link>
                    </div>
                  )}
                  <div>
                    <Link href={systemsPath({ ...query, sort: c.slug })}>sort by verdict</Link>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.slug}>
                <th scope="row">
                  <Link href={systemPath(r.slug)}>{r.name}</Link>
                  <div className="muted">{r.developer}, {r.released}</div>
                </th>
                {columns.map((c) => (
                  <td key={c.slug}>
                    <VerdictText verdict={r.verdicts[c.slug]} href={systemPath(r.slug, `verdict-${c.slug}`)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>OpenDef&rsquo;s OSAID 1.0 verdicts against the OSI&rsquo;s own</h2>
      <p>
        The OSI published verdicts on {agreement.length} of these systems (most were tested against draft 0.0.8).{" "}
        {disagreements.length === 0
          ? "The verdict OpenDef derives from OSAID 1.0's rules agrees with each of them."
          : `OpenDef's derived verdict differs for ${disagreements.length}:`}
      </p>
      {disagreements.length > 0 && (
        <ul>
          {disagreements.map((d) => (
            <li key={d.slug}>
              <Link href={systemPath(d.slug)}>{d.name}</Link>: the OSI says &ldquo;{d.osi}&rdquo;; OpenDef derives{" "}
              <VerdictText verdict={d.derived} /> from the facts and rules shown on its page.
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
