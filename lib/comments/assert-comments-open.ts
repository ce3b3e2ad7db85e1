import { AppError } from "@/lib/errors/app-error";

const formatter = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export function formatUtc(date: Date): string {
  return `${formatter.format(date)} UTC`;
}

/**
 * A version's comment period: either end may be open (null). Posting and editing
 * happen inside it; reading never depends on it.
 */
export function assertCommentsOpen(
  version: { commentsOpenAt: Date | null; commentsCloseAt: Date | null },
  now: Date = new Date(),
): void {
  if (version.commentsOpenAt && now < version.commentsOpenAt) {
    throw new AppError("closed", `Comments on this version open on ${formatUtc(version.commentsOpenAt)}.`);
  }
  if (version.commentsCloseAt && now >= version.commentsCloseAt) {
    throw new AppError("closed", `Comments on this version closed on ${formatUtc(version.commentsCloseAt)}.`);
  }
}
