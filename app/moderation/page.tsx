import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors/app-error";
import { isModerator, isStaff } from "@/lib/auth/roles";
import { listFlags } from "@/lib/moderation/list-flags";
import { SUSPENSION_REASON_MAX } from "@/lib/moderation/suspend-user.schema";
import { HIDDEN_REASON_MAX } from "@/lib/moderation/hide-content.schema";
import { ModerationForm } from "@/app/_components/moderation-form";
import { hideContentAction, lockThreadAction, resolveFlagAction, restoreContentAction, suspendUserAction } from "@/app/moderation/actions";
import { userPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The moderation queue. Anyone who is not a moderator gets the 404 page: the queue is not theirs to know about. */
export default async function ModerationPage() {
  const actor = await currentUser();
  if (!actor || !isModerator(actor)) notFound();
  const queue = await listFlags({ actor }).catch((error: unknown) => {
    // The session said moderator; the database no longer does.
    if (isAppError(error) && (error.code === "forbidden" || error.code === "unauthenticated")) notFound();
    throw error;
  });
  const back = "/moderation";

  return (
    <>
      <h1>Moderation</h1>
      <p className="lede">
        Flagged items, oldest flag first ({queue.openFlags} open {queue.openFlags === 1 ? "flag" : "flags"}). Every action here is recorded in the public audit log with
        its reason; a hidden item&apos;s public reason is shown in its place.
      </p>
      {queue.items.length === 0 ? (
        <p>Nothing is waiting: no open flags.</p>
      ) : (
        <ol className="moderation-queue">
          {queue.items.map((item) => (
            <li key={`${item.targetType}-${item.targetId}`}>
              <article aria-labelledby={`q-${item.targetId}`} className="flagged-item">
                <h2 id={`q-${item.targetId}`} className="flagged-title">
                  {item.targetType === "comment" ? "Comment" : "Amendment"} by <Link href={userPath(item.author.handle)}>{item.author.name}</Link>
                  {item.title && <>: &ldquo;{item.title}&rdquo;</>}
                  {item.hidden && <span className="badge"> hidden</span>}
                  {item.author.suspended && <span className="badge"> author suspended</span>}
                </h2>
                <p><Link href={item.href}>Read it in context</Link></p>
                <blockquote className="flagged-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
                <h3 className="visually-hidden">Flags</h3>
                <ul className="flags">
                  {item.flags.map((flag) => (
                    <li key={flag.id}>
                      <time dateTime={flag.createdAt.toISOString()}>{time.format(flag.createdAt)} UTC</time>, {flag.reporter.name}: {flag.reason}{" "}
                      <ModerationForm action={resolveFlagAction} hidden={{ flagId: flag.id, returnTo: back }} submitLabel="Dismiss this flag" />
                    </li>
                  ))}
                </ul>
                <div className="moderation-actions">
                  {item.hidden ? (
                    <ModerationForm action={restoreContentAction} hidden={{ targetType: item.targetType, targetId: item.targetId, returnTo: back }} submitLabel="Restore" />
                  ) : (
                    <ModerationForm
                      action={hideContentAction}
                      hidden={{ targetType: item.targetType, targetId: item.targetId, returnTo: back }}
                      summary="Hide…"
                      submitLabel="Hide"
                      reason={{ label: "Public reason", hint: "Shown in place of the hidden words.", maxLength: HIDDEN_REASON_MAX }}
                    />
                  )}
                  {item.thread && (
                    <ModerationForm
                      action={lockThreadAction}
                      hidden={{ commentId: item.thread.rootId, locked: String(!item.thread.locked), returnTo: back }}
                      submitLabel={item.thread.locked ? "Unlock thread" : "Lock thread"}
                    />
                  )}
                  {!item.author.suspended && !isStaff(item.author) && (
                    <ModerationForm
                      action={suspendUserAction}
                      hidden={{ userId: item.author.id, returnTo: back }}
                      summary={`Suspend ${item.author.name}…`}
                      submitLabel="Suspend account"
                      reason={{ label: "Reason for the suspension", hint: "Recorded in the public audit log. Their sessions end at once.", maxLength: SUSPENSION_REASON_MAX }}
                    />
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
