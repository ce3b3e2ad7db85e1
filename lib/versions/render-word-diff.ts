import "server-only";
import type { DiffPart } from "@/lib/versions/word-diff";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Renders a word diff as HTML. Changes are marked with <ins>/<del> and also
 * announced in words ("[inserted: …]") inside visually hidden spans, so a screen
 * reader, a monochrome printout or a copy-paste still tells them apart without
 * relying on colour or strike-through.
 */
export function renderWordDiff(parts: DiffPart[]): string {
  return parts
    .map(({ kind, text }) => {
      const html = text.replace(/[&<>"']/g, (c) => ESCAPES[c]).replace(/\r\n|\r|\n/g, "<br>");
      if (kind === "equal") return html;
      const [tag, label] = kind === "insert" ? ["ins", "inserted"] : ["del", "deleted"];
      return `<${tag}><span class="visually-hidden">[${label}: </span>${html}<span class="visually-hidden">]</span></${tag}>`;
    })
    .join("");
}
