import { AppError } from "@/lib/errors/app-error";
import { formatUtc } from "@/lib/format-utc";

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
