import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { splitSections } from "@/lib/versions/split-sections";
import { highlightPassages, type Passage } from "@/lib/anchors/highlight-passages";

type Section = { key: string; heading: string; text: string };

/**
 * A version's text: its preamble, then each section under an anchor #s-<key>,
 * with the passages people commented on marked (lib/anchors). A section's text
 * sits in .section-text, whose textContent (less the passage links) is the plain
 * text that passages are measured in.
 */
export function VersionDocument({
  body,
  sections,
  passages,
  children,
}: {
  body: string;
  sections: Section[];
  passages?: Map<string, Passage[]>;
  children?: (section: Section) => React.ReactNode;
}) {
  const { preamble } = splitSections(body);
  return (
    <div className="document-layout">
      {/* First in the page, so a phone reaches it before the text; a sidebar on wide screens (globals.css). */}
      <nav className="toc" aria-label="Contents">
        <details>
          <summary>Contents</summary>
          <ol>
            {sections.map((s) => (
              <li key={s.key}><a href={`#s-${s.key}`}>{s.heading}</a></li>
            ))}
          </ol>
        </details>
      </nav>
      <article className="document" aria-label="Definition text">
        {preamble.trim() && <div dangerouslySetInnerHTML={{ __html: renderMarkdown(preamble, "document") }} />}
        {sections.map((s) => (
          <section key={s.key} id={`s-${s.key}`} aria-labelledby={`h-${s.key}`}>
            {/* The anchor sits beside the heading, not in it: a heading's accessible name is its text. */}
            <div className="section-heading-row">
              <h2 id={`h-${s.key}`} className="section-heading">{s.heading}</h2>
              <a className="anchor" href={`#s-${s.key}`} aria-label={`Link to section ${s.heading}`}>#</a>
            </div>
            <div
              className="section-text"
              data-section-key={s.key}
              dangerouslySetInnerHTML={{ __html: highlightPassages(renderMarkdown(s.text, "document"), passages?.get(s.key) ?? []) }}
            />
            {children?.(s)}
          </section>
        ))}
      </article>
    </div>
  );
}
