import { AppError } from "@/lib/errors/app-error";

export type CursorPosition = { createdAt: Date; id: string };

/**
 * An opaque page position: base64url of the last row's createdAt and id. Pages
 * continue strictly after it, so rows inserted meanwhile never shift a page that is
 * already open, and ties on createdAt are broken by id.
 */
export function encodeCursor({ createdAt, id }: CursorPosition): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): CursorPosition {
  const invalid = () => new AppError("bad_input", "The page link is not valid. Go back to the first page.");
  if (cursor.length > 400 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (rest.length > 0 || !id || !/^[A-Za-z0-9_-]{1,200}$/.test(id) || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso) {
    throw invalid();
  }
  return { createdAt, id };
}

/** Prisma `where` for the rows after `position` in the given order. */
export function afterCursor(position: CursorPosition | null, order: "oldest" | "newest") {
  if (!position) return {};
  const direction = order === "oldest" ? "gt" : "lt";
  return {
    OR: [
      { createdAt: { [direction]: position.createdAt } },
      { createdAt: position.createdAt, id: { [direction]: position.id } },
    ],
  };
}

export function cursorOrderBy(order: "oldest" | "newest") {
  const direction = order === "oldest" ? ("asc" as const) : ("desc" as const);
  return [{ createdAt: direction }, { id: direction }];
}
