const formatter = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** A moment as people read it in refusals and on pages, e.g. "June 1, 2025 at 12:00 PM UTC": one wording whatever the server's time zone. */
export function formatUtc(date: Date): string {
  return `${formatter.format(date)} UTC`;
}
