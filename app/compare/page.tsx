import type { Metadata } from "next";
import Link from "next/link";
import { compareDefinitions, CRITERIA } from "@/lib/definitions/compare-definitions";
import { definitionPath, sectionPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage() {
  const definitions = await compareDefinitions();
  return (
    <>
      <h1>Compare the definitions</h1>
      <p className="lede">
        Where the four texts differ. Each cell links to the section of the current version that says it, so you can
        check the claim and comment on it.
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
            {CRITERIA.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.label}</th>
                {definitions.map((d) => {
                  const cell = d.cells[c.id];
                  if (!cell) return <td key={d.slug} className="muted">not stated</td>;
                  const tone = cell.value === "required" || cell.value === "not allowed" ? "required" : "not-required";
                  return (
                    <td key={d.slug} className={tone}>
                      <strong>{cell.value}</strong>
                      {cell.note && <div>{cell.note}</div>}
                      {cell.sectionKey && (
                        <div>
                          <Link href={sectionPath(d.slug, d.currentLabel!, cell.sectionKey)}>
                            See &ldquo;{cell.sectionHeading}&rdquo;
                          </Link>
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
