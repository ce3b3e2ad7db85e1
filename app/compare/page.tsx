import type { Metadata } from "next";
import Link from "next/link";
import { compareRules } from "@/lib/systems/compare-rules";
import { RULE_WORDS } from "@/lib/systems/criteria";
import { definitionPath, sectionPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage() {
  const { criteria, definitions } = await compareRules();
  return (
    <>
      <h1>Compare the definitions</h1>
      <p className="lede">
        Where the four texts differ, read from the rules each current version carries (the same rules that decide{" "}
        <Link href="/systems">which systems each one admits</Link>). Each cell links to the section that says it, so you
        can check the claim and comment on it.
      </p>
      <div style={{ overflowX: "auto" }}>
        <table className="compare">
          <caption className="visually-hidden">Criteria by definition</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {definitions.map((d) => (
                <th scope="col" key={d.slug}>
                  <Link href={definitionPath(d.slug)}>{d.title}</Link>
                  {d.currentLabel && <div className="muted">version {d.currentLabel}</div>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.label}</th>
                {definitions.map((d) => {
                  const cell = d.cells[c.id];
                  if (!cell) return <td key={d.slug} className="muted">not stated</td>;
                  return (
                    <td key={d.slug} className={cell.value === "required" ? "required" : "not-required"}>
                      <strong>{RULE_WORDS[cell.value]}</strong>
                      <div>{cell.rationale}</div>
                      {cell.sectionKey && d.currentLabel && (
                        <div>
                          <Link href={sectionPath(d.slug, d.currentLabel, cell.sectionKey)}>See &ldquo;{cell.sectionHeading ?? cell.sectionKey}&rdquo;</Link>
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
