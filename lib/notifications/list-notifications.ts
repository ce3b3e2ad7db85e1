import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { afterCursor, cursorOrderBy, decodeCursor, encodeCursor } from "@/lib/comments/comment-cursor";

/** The actor's notifications, newest first, a page at a time, with the unread count. */
export async function listNotifications({
  actor,
  cursor,
  unreadOnly = false,
  pageSize = 30,
}: {
  actor: Actor;
  cursor?: string | null;
  unreadOnly?: boolean;
  pageSize?: number;
}) {
  const position = cursor ? decodeCursor(cursor) : null;
  const size = Math.min(Math.max(Math.floor(pageSize), 1), 100);
  const mine = { userId: actor.id, ...(unreadOnly ? { readAt: null } : {}) };
  const [rows, unreadCount] = await Promise.all([
    db.notification.findMany({
      where: { ...mine, ...afterCursor(position, "newest") },
      orderBy: cursorOrderBy("newest"),
      take: size + 1,
      select: { id: true, kind: true, text: true, url: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    notifications: page.map((n) => ({ id: n.id, kind: n.kind, text: n.text, url: n.url, createdAt: n.createdAt, read: n.readAt !== null })),
    unreadCount,
    nextCursor: rows.length > size && last ? encodeCursor(last) : null,
  };
}
