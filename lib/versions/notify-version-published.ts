import "server-only";
import { db } from "@/lib/db";
import { sendMail, type Mail } from "@/lib/mail/send-mail";
import { mailAddress, MAIL_RECIPIENT_SELECT } from "@/lib/notifications/mail-address";
import { siteOrigin, versionPath } from "@/lib/paths";

export type PublishedVersion = {
  label: string;
  changelog: string;
  definition: { id: string; slug: string; title: string };
  publishedBy: { id: string; name: string };
};

const CHANGELOG_CHARACTERS = 2000;

/**
 * Tells the definition's followers about a new version: a notification each and
 * an e-mail with the follow's own unsubscribe link. Runs after the publish has
 * committed, never inside it; a failure here is logged and does not undo the
 * publish or stop the other mails. The publisher and suspended users are skipped.
 * The query count does not grow with the followers, apart from one outbox write per e-mail.
 */
export async function notifyVersionPublished(version: PublishedVersion): Promise<{ notified: number; mailed: number }> {
  try {
    const follows = await db.follow.findMany({
      where: { definitionId: version.definition.id, userId: { not: version.publishedBy.id }, user: { suspendedAt: null } },
      select: { token: true, user: { select: { id: true, ...MAIL_RECIPIENT_SELECT } } },
    });
    if (follows.length === 0) return { notified: 0, mailed: 0 };

    const path = versionPath(version.definition.slug, version.label);
    const headline = `${version.definition.title} ${version.label} was published`;
    await db.notification.createMany({
      data: follows.map((f) => ({ userId: f.user.id, kind: "version", text: headline, url: path })),
    });

    const origin = siteOrigin();
    const chars = [...version.changelog];
    const changelog = chars.length > CHANGELOG_CHARACTERS ? `${chars.slice(0, CHANGELOG_CHARACTERS).join("")}…` : version.changelog;
    const mails: Mail[] = follows
      .flatMap((f) => {
        const to = mailAddress(f.user);
        return to ? [{ ...f, to }] : [];
      })
      .map((f) => ({
        to: f.to,
        subject: headline.replace(/[\r\n]+/g, " "),
        text:
          `${version.publishedBy.name} published version ${version.label} of ${version.definition.title}.\n\n` +
          `What changed:\n\n${changelog}\n\nRead it and see the changes: ${origin}${path}\n\n` +
          `--\nYou get this e-mail because you follow ${version.definition.title} on OpenDef.\n` +
          `Stop these e-mails: ${origin}/unsubscribe/${f.token}\n`,
      }));
    let mailed = 0;
    for (const mail of mails) {
      try {
        await sendMail(mail);
        mailed++;
      } catch (error) {
        console.error("version notification mail failed", error);
      }
    }
    return { notified: follows.length, mailed };
  } catch (error) {
    console.error("version notifications failed", error);
    return { notified: 0, mailed: 0 };
  }
}
