/** A one-line plain excerpt of a comment's Markdown for lists and reports (escaped wherever it is shown). */
export function excerpt(markdown: string, characters = 160): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...plain];
  return chars.length > characters ? `${chars.slice(0, characters - 1).join("").trimEnd()}…` : plain;
}
