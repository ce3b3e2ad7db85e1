"use client";
import { useEffect, useState } from "react";
import { openPassageForm, passageOfRange, selectBlock, type SelectedPassage } from "@/app/d/[slug]/passage-selection";

/**
 * "Comment on this passage": shown beside a text selection inside one section
 * of the document (mouse, touch, or the keyboard with caret browsing). It fills
 * that section's passage form, which works without JavaScript too.
 */
export function SelectionCommentButton() {
  const [selected, setSelected] = useState<(SelectedPassage & { top: number; left: number }) | null>(null);
  useEffect(() => {
    const update = () => {
      const selection = window.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      const passage = range ? passageOfRange(range) : null;
      if (!range || !passage || !document.getElementById(`passage-form-${passage.sectionKey}`)) {
        setSelected(null);
        return;
      }
      const box = range.getBoundingClientRect();
      setSelected({ ...passage, top: box.bottom + window.scrollY + 6, left: box.left + window.scrollX });
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, []);
  if (!selected) return null;
  return (
    <button
      type="button"
      className="passage-comment-button"
      style={{ top: selected.top, left: selected.left }}
      // Keep the selection: a mousedown on a button would otherwise clear it first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        openPassageForm(selected);
        setSelected(null);
      }}
    >
      Comment on this passage
    </button>
  );
}

/** One button per paragraph of a section: it selects the paragraph and quotes it in the form. */
export function ParagraphButtons({ sectionKey }: { sectionKey: string }) {
  const [blocks, setBlocks] = useState<string[]>([]);
  useEffect(() => {
    const container = document.querySelector(`.section-text[data-section-key="${CSS.escape(sectionKey)}"]`);
    const found = container ? [...container.querySelectorAll(":scope > p, :scope li, :scope td, :scope th")] : [];
    // The paragraphs exist only in the server-rendered HTML: reading them after
    // hydration is the point, and renders the same markup on server and client first.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setBlocks(found.map((b) => (b.textContent ?? "").trim().slice(0, 40)));
  }, [sectionKey]);
  if (blocks.length === 0) return null;
  return (
    <ul className="paragraph-buttons" aria-label="Quote a paragraph">
      {blocks.map((words, i) => (
        <li key={i}>
          <button
            type="button"
            className="link"
            onClick={() => {
              const container = document.querySelector(`.section-text[data-section-key="${CSS.escape(sectionKey)}"]`);
              const block = container?.querySelectorAll(":scope > p, :scope li, :scope td, :scope th")[i];
              const passage = block ? selectBlock(block) : null;
              if (passage) openPassageForm(passage);
            }}
          >
            Quote paragraph {i + 1}: “{words}…”
          </button>
        </li>
      ))}
    </ul>
  );
}
