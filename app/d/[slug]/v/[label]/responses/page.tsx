import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/lib/errors/or-not-found";
import { buildResponseReport } from "@/lib/dispositions/build-response-report";
import { renderWordDiff } from "@/lib/versions/render-word-diff";
import { pageReportSections } from "@/lib/dispositions/page-report-sections";
import { DispositionBadge } from "@/app/_components/disposition-badge";
import { definitionPath, diffPath, responsesPath, userPath, versionPath } from "@/lib/paths";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; label: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, label } = await params;
  return { title: `Response to comments: ${slug} ${label}` };
}

/** What became of every thread and amendment on the previous version, section by section, with what this version changed there. */
export default async function ResponseReportPage({ params, searchParams }: Params) {
  const { slug, label } = await params;
  const wanted = Number((await searchParams)?.page ?? "1");
  const report = await orNotFound(buildResponseReport(slug, label));
  const { counts } = report;
  // A page of the report at a time: 10,000 threads would be megabytes of HTML. The downloads hold every item.
  const first = pageReportSections(report.sections, 1);
  const page = Number.isInteger(wanted) && wanted >= 1 && wanted <= first.pages ? wanted : 1;
  const { sections, pages, total } = page === 1 ? first : pageReportSections(report.sections, page);
  const pageLink = (n: number) => `${responsesPath(slug, label)}${n > 1 ? `?page=${n}` : ""}`;
  const pager = pages > 1 && (
    <nav aria-label="Report pages" className="pager">
      <span>Page {page} of {pages} ({total} threads and amendments)</span>
      {page > 1 && <Link href={pageLink(page - 1)}>Previous page</Link>}
      {page < pages && <Link href={pageLink(page + 1)}>Next page</Link>}
    </nav>
  );
  return (
    <article className="response-report">
      <p><Link href={definitionPath(slug)}>{report.definition.title}</Link> · <Link href={versionPath(slug, label)}>Version {label}</Link></p>
      <h1>Response to comments: {report.definition.title} {label}</h1>
      {report.previous ? (
        <>
          <p>
            What became of the threads and amendments on version <Link href={versionPath(slug, report.previous.label)}>{report.previous.label}</Link>:{" "}
            {counts.answeredThreads} of {counts.threads} threads and {counts.answeredAmendments} of {counts.amendments} amendments answered.{" "}
            <Link href={diffPath(slug, { from: report.previous.label, to: label })}>All changes</Link>.
          </p>
          <p>Download: <a href={responsesPath(slug, label, "md")}>Markdown</a> · <a href={responsesPath(slug, label, "csv")}>CSV</a></p>
        </>
      ) : (
        <p>This is the first version: there were no earlier comments to answer.</p>
      )}
      {pager}
      {sections.map((s) => (
        <section key={s.key ?? "whole"} aria-labelledby={`r-${s.key ?? "whole"}`}>
          <h2 id={`r-${s.key ?? "whole"}`}>{s.heading}{s.continued ? " (continued)" : ""} {s.change && <span className="badge">{s.change}</span>}</h2>
          {s.diff && s.change !== "unchanged" && !s.continued && (
            <details>
              <summary>What version {label} changed here</summary>
              <div className="diff" dangerouslySetInnerHTML={{ __html: renderWordDiff(s.diff.parts) }} />
            </details>
          )}
          {s.items.length === 0 ? (
            <p className="muted">No threads or amendments on this section.</p>
          ) : (
            <table>
              <thead>
                <tr><th scope="col">Thread or amendment</th><th scope="col">Answer</th></tr>
              </thead>
              <tbody>
                {s.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link href={i.path}>{i.type === "thread" ? "Thread" : "Amendment"}</Link> by <Link href={userPath(i.author.handle)}>{i.author.name}</Link>{" "}
                      <span className="muted">({i.createdAt.toISOString().slice(0, 10)})</span>: {i.title}
                    </td>
                    <td>{i.disposition ? <DispositionBadge history={{ current: i.disposition, earlier: i.earlier }} /> : <strong>No answer yet</strong>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      {pager}
    </article>
  );
}
