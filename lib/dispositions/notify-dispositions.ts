import "server-only";
import { db } from "@/lib/db";
import type { Member } from "@/lib/auth/require-member";
import { sendMail, type Mail } from "@/lib/mail/send-mail";
import { mailAddress, MAIL_RECIPIENT_SELECT } from "@/lib/notifications/mail-address";
import { siteOrigin } from "@/lib/paths";
import { DISPOSITION_LABELS, type DispositionKind, type TargetRef } from "@/lib/dispositions/disposition-kinds";

/** What the notification says about one answered thread or amendment. */
export type AnsweredTarget = { ref: TargetRef; authorId: string; definitionId: string; definitionTitle: string; what: string; url: string };

const REASON_CHARACTERS = 1500;

/**
 * Tells each author (not the one who answered, not a suspended account) in the
 * app, always, and by e-mail only while they follow the thread or the
 * definition, with that follow's unsubscribe link: unfollowing or
 * unsubscribing stops these e-mails as it stops the others. Runs after the
 * commit; a failure is logged and undoes nothing. Three queries whatever the
 * number of targets, plus one outbox write per e-mail.
 */
export async function notifyDispositions({ actor, kind, reason, targets }: { actor: Member; kind: DispositionKind; reason: string; targets: AnsweredTarget[] }) {
  try {
    const told = targets.filter((t) => t.authorId !== actor.id);
    if (told.length === 0) return;
    const authorIds = [...new Set(told.map((t) => t.authorId))];
    const threadIds = told.filter((t) => t.ref.type === "comment").map((t) => t.ref.id);
    const definitionIds = [...new Set(told.map((t) => t.definitionId))];
    const [authors, follows] = await Promise.all([
      db.user.findMany({ where: { id: { in: authorIds }, suspendedAt: null }, select: { id: true, ...MAIL_RECIPIENT_SELECT } }),
      db.follow.findMany({
        where: { userId: { in: authorIds }, OR: [{ definitionId: { in: definitionIds } }, { commentId: { in: threadIds } }] },
        select: { userId: true, commentId: true, definitionId: true, token: true },
      }),
    ]);
    const active = new Map(authors.map((a) => [a.id, mailAddress(a)]));
    const label = DISPOSITION_LABELS[kind];
    const headline = (t: AnsweredTarget) => `${actor.name} answered ${t.what}: ${label}`;
    await db.notification.createMany({
      data: told.filter((t) => active.has(t.authorId)).map((t) => ({ userId: t.authorId, kind: "disposition", text: headline(t), url: t.url })),
    });

    const origin = siteOrigin();
    const chars = [...reason];
    const excerpt = chars.length > REASON_CHARACTERS ? `${chars.slice(0, REASON_CHARACTERS).join("")}…` : reason;
    const mails: Mail[] = [];
    for (const t of told) {
      const email = active.get(t.authorId);
      if (!email) continue;
      // The thread's own follow first: its unsubscribe link is the narrower one.
      const follow =
        follows.find((f) => f.userId === t.authorId && t.ref.type === "comment" && f.commentId === t.ref.id) ??
        follows.find((f) => f.userId === t.authorId && f.definitionId === t.definitionId);
      if (!follow) continue;
      const why = follow.commentId ? "you follow this thread" : `you follow ${t.definitionTitle}`;
      mails.push({
        to: email,
        subject: headline(t).replace(/[\r\n]+/g, " "),
        text:
          `${actor.name} answered ${t.what}.\n\nAnswer: ${label}\n${excerpt ? `\n${excerpt}\n` : ""}\nRead it: ${origin}${t.url}\n\n` +
          `--\nYou get this e-mail because ${why} on OpenDef.\nStop these e-mails: ${origin}/unsubscribe/${follow.token}\n`,
      });
    }
    for (const mail of mails) {
      try {
        await sendMail(mail);
      } catch (error) {
        console.error("disposition mail failed", error);
      }
    }
  } catch (error) {
    console.error("disposition notifications failed", error);
  }
}
