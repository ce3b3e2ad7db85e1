"use client";
import { useEffect, useState } from "react";
import { searchWords } from "@/lib/search/search-words";
import type { SnippetPart } from "@/lib/search/build-snippet";

type Props = {
  /** Ids of the fields whose text is compared (e.g. the comment's textarea). */
  watch: string[];
  kind: "comment" | "amendment";
  definition: string;
  version?: string;
  section?: string | null;
};
type Found = { id: string; path: string; title: string; author: { name: string | null; handle: string } | null; snippet: SnippetPart[] };

const WAIT_MS = 600;
const MAX_WORDS = 8;

// The longest distinct words typed, as alternatives: what is already here and shares
// the most of them ranks first. Short words say little about the subject.
function similarQuery(text: string): string | null {
  const words = [...new Set(searchWords(text).filter((w) => w.length >= 4))].sort((a, b) => b.length - a.length).slice(0, MAX_WORDS);
  return words.length >= 2 ? words.join(" or ") : null;
}

/**
 * While someone writes a comment or an amendment, up to three similar ones already
 * in the same place, so they can reply instead of repeating (docs/decisions/015-search.md).
 * JavaScript only: without it the form works as before and nothing is shown.
 */
export function SimilarItems({ watch, kind, definition, version, section }: Props) {
  const [found, setFound] = useState<Found[]>([]);
  const fields = watch.join(" ");
  useEffect(() => {
    const ids = fields.split(" ");
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let last = "";
    const valueOf = (id: string) => (document.getElementById(id) as HTMLTextAreaElement | HTMLInputElement | null)?.value ?? "";
    const lookUpSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const text = ids.map(valueOf).join(" ");
        const q = similarQuery(text);
        if (q === last) return;
        last = q ?? "";
        controller?.abort();
        if (!q) return setFound([]);
        controller = new AbortController();
        const params = new URLSearchParams({ q, kind, definition, limit: "3" });
        if (version) params.set("version", version);
        if (section) params.set("section", section);
        try {
          const response = await fetch(`/api/v1/search?${params}`, { signal: controller.signal });
          // A refusal or an outage only means no hint: the form is unaffected.
          setFound(response.ok ? ((await response.json()) as { results: Found[] }).results : []);
        } catch {
          /* aborted by newer typing, or offline */
        }
      }, WAIT_MS);
    };
    const onInput = (event: Event) => {
      if (event.target instanceof HTMLElement && ids.includes(event.target.id)) lookUpSoon();
    };
    // On the document: the form may replace its fields (after a refusal) without this knowing.
    document.addEventListener("input", onInput);
    // Text typed before the page's scripts ran sent no event this could hear.
    if (ids.some(valueOf)) lookUpSoon();
    return () => {
      document.removeEventListener("input", onInput);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [fields, kind, definition, version, section]);

  if (found.length === 0) return null;
  return (
    <aside className="similar-items" aria-live="polite" aria-label={kind === "comment" ? "Similar comments" : "Similar amendments"}>
      <p>
        {kind === "comment" ? "Already said here? Consider replying to one of these:" : "Similar amendments already proposed for this section:"}
      </p>
      <ul>
        {found.map((item) => (
          <li key={item.id}>
            <a href={item.path}>{item.title || `${item.author?.name ?? item.author?.handle ?? "A member"}`}</a>:{" "}
            {item.snippet.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
          </li>
        ))}
      </ul>
    </aside>
  );
}
