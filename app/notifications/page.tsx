import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listFollows } from "@/lib/notifications/list-follows";
import { ActionForm } from "@/app/_components/action-form";
import { markAllReadAction } from "@/app/notifications/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/notifications");
  const { cursor } = await searchParams;
  const [page, follows] = await Promise.all([listNotifications({ actor: user, cursor: typeof cursor === "string" ? cursor : null }), listFollows({ actor: user })]);
  return (
    <>
      <h1>Notifications</h1>
      <p className="muted">{page.unreadCount} unread. Replies to your comments and new comments in what you follow appear here and are e-mailed to you (<Link href="/settings#notifications">notification settings</Link>).</p>
      {page.unreadCount > 0 && <ActionForm action={markAllReadAction} hidden={{}} submitLabel="Mark all as read" />}
      {page.notifications.length === 0 ? (
        <p>Nothing yet.</p>
      ) : (
        <ol className="thread">
          {page.notifications.map((n) => (
            <li key={n.id} className={n.read ? "card muted" : "card"}>
              {!n.read && <span className="badge">new</span>} <Link href={n.url}>{n.text}</Link>
              <div className="muted"><time dateTime={n.createdAt.toISOString()}>{n.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time></div>
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor && <p><Link href={`/notifications?cursor=${encodeURIComponent(page.nextCursor)}`}>Older notifications</Link></p>}
      <h2>What you follow</h2>
      {follows.length === 0 ? (
        <p>Nothing. Follow a definition or a thread from its discussion.</p>
      ) : (
        <ul>
          {follows.map((f) => (
            <li key={f.id}><Link href={f.url}>{f.title}</Link></li>
          ))}
        </ul>
      )}
    </>
  );
}
