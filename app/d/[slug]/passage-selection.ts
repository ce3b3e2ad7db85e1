// Browser side of lib/anchors: where a selection lies in a section's plain
// text, counted the way the server counts (the textContent of .section-text,
// less the passage links marked data-passage-ui).

export type SelectedPassage = { sectionKey: string; start: number; end: number; quote: string };

function textNodes(container: Element): Text[] {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest("[data-passage-ui]") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The plain-text offset of a boundary point inside `container`. */
function offsetOf(container: Element, nodes: Text[], node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(node, offset);
  let count = 0;
  for (const text of nodes) {
    if (text === node) return count + offset;
    if (before.intersectsNode(text)) count += text.length;
  }
  return count;
}

/** The passage a range covers, when it lies within one section's text. */
export function passageOfRange(range: Range): SelectedPassage | null {
  if (range.collapsed) return null;
  const element = (node: Node) => (node instanceof Element ? node : node.parentElement);
  const container = element(range.startContainer)?.closest(".section-text[data-section-key]");
  if (!container || container !== element(range.endContainer)?.closest(".section-text[data-section-key]")) return null;
  const nodes = textNodes(container);
  const start = offsetOf(container, nodes, range.startContainer, range.startOffset);
  const end = offsetOf(container, nodes, range.endContainer, range.endOffset);
  const quote = nodes.map((n) => n.data).join("").slice(start, end);
  if (quote.trim() === "") return null;
  return { sectionKey: container.getAttribute("data-section-key")!, start, end, quote };
}

/** Fills a section's passage form and brings the reader to it. */
export function openPassageForm(passage: SelectedPassage) {
  const form = document.getElementById(`passage-form-${passage.sectionKey}`);
  if (!(form instanceof HTMLDetailsElement)) return;
  form.open = true;
  const quote = document.getElementById(`quote-${passage.sectionKey}`);
  const start = document.getElementById(`quote-start-${passage.sectionKey}`);
  if (quote instanceof HTMLTextAreaElement) quote.value = passage.quote;
  if (start instanceof HTMLInputElement) start.value = String(passage.start);
  document.getElementById(`passage-comment-${passage.sectionKey}`)?.focus();
}

/** Selects the whole of a block of a section's text (a paragraph, a list item). */
export function selectBlock(block: Element): SelectedPassage | null {
  const range = document.createRange();
  range.selectNodeContents(block);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return passageOfRange(range);
}
