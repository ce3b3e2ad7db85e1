import Link from "next/link";
import { orNotFound } from "@/lib/errors/or-not-found";
import { currentUser } from "@/lib/auth/current-user";
import { maintains } from "@/lib/auth/require-maintainer-of";
import { commentThreadQuerySchema } from "@/lib/comments/list-comments.schema";
import { getVersionPage } from "@/lib/versions/get-version-page";
import { keepPageForMember } from "@/lib/http/member-page-cache";
import { VersionHeader } from "@/app/d/[slug]/version-header";
import { VersionDocument } from "@/app/d/[slug]/version-document";
import { Discussion } from "@/app/d/[slug]/discussion";
import { SectionPassages } from "@/app/d/[slug]/section-passages";
import { SelectionCommentButton } from "@/app/d/[slug]/passage-picker";
import { CarriedAnchorsNote } from "@/app/d/[slug]/carried-anchors-note";
import { amendmentsPath, draftPath, logPath, newAmendmentPath, responseQueuePath, responsesPath, versionPath } from "@/lib/paths";

export type VersionSearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Shared by /d/[slug] (the current version) and /d/[slug]/v/[label] (any version). */
export async function VersionPage({ slug, label, searchParams }: { slug: string; label?: string; searchParams: VersionSearchParams }) {
  const parsed = commentThreadQuerySchema.safeParse({ order: one(searchParams.order), cursor: one(searchParams.cursor), section: one(searchParams.section) });
  const query = parsed.success ? parsed.data : { order: "oldest" as const, cursor: undefined, section: undefined };
  // What every reader sees comes from getVersionPage (kept until the definition changes,
  // docs/decisions/026-signed-in-page-speed.md); only this reader's own parts are read here and in Discussion.
  const [shared, user] = await Promise.all([
    orNotFound(getVersionPage({ slug, label, order: query.order, cursor: query.cursor ?? null, section: query.section ?? null })),
    currentUser(),
  ]);
  const { definition, version, sectionCounts, amendmentCounts, anchors, answers } = shared;
  const isCurrent = version.status === "published";
  const maintainer = await maintains(user, definition.id);
  const pagePath = versionPath(slug, version.label);
  const now = new Date();
  const canCommentOnPassages =
    user !== null && isCurrent && !(version.commentsOpenAt && now < version.commentsOpenAt) && !(version.commentsCloseAt && now >= version.commentsCloseAt);
  // Everything this page shows a member is covered by the members' page cache's stamp
  // (their account and follows, and the definition's counter), so the rendered page may
  // be kept for them until the next moment it changes with no write: a vote closing, or
  // the comment period opening or closing (docs/decisions/039-member-page-cache.md).
  const periodTurns = [version.commentsOpenAt, version.commentsCloseAt].map((at) => at?.getTime() ?? Infinity).filter((at) => at > now.getTime());
  keepPageForMember(Math.min(shared.validUntil, ...periodTurns));

  return (
    <>
      <VersionHeader definition={definition} version={version} current={definition.current} />
      <p className="version-meta">
        <Link href={logPath(slug)}>Log of decisions</Link>
        {maintainer && <Link href={draftPath(slug)}>Draft the next version (maintainers)</Link>}
        <Link href={responsesPath(slug, version.label)}>Response to comments</Link>
        <Link href={responseQueuePath(slug)}>Threads awaiting an answer</Link>
      </p>
      <p className="version-meta answer-stats">
        {answers.answered} of {answers.total} threads answered
        {answers.medianDays !== null && <>; median time to an answer: {answers.medianDays} {answers.medianDays === 1 ? "day" : "days"}</>}
      </p>
      <CarriedAnchorsNote carried={anchors.carried} />
      {canCommentOnPassages && <SelectionCommentButton />}
      <VersionDocument body={version.body} sections={version.sections} passages={anchors.passages}>
        {(section) => {
          const count = sectionCounts.get(section.key) ?? 0;
          const open = amendmentCounts.get(section.key) ?? 0;
          const about = <span className="visually-hidden"> ({section.heading})</span>;
          return (
            <>
            <p className="section-tools">
              <Link href={`${pagePath}?section=${encodeURIComponent(section.key)}#discussion`}>
                {count > 0 ? `${count} ${count === 1 ? "comment" : "comments"} on this section` : "Comment on this section"}
                {about}
              </Link>
              {open > 0 && (
                <Link href={amendmentsPath(slug, { section: section.key, status: "open" })}>
                  {open} open {open === 1 ? "amendment" : "amendments"}
                  {about}
                </Link>
              )}
              {isCurrent && (
                <Link href={newAmendmentPath(slug, section.key)}>
                  Propose an amendment{about}
                </Link>
              )}
            </p>
            <SectionPassages
              slug={slug}
              version={version}
              section={section}
              passages={anchors.passages.get(section.key) ?? []}
              orphaned={anchors.orphaned.get(section.key) ?? []}
              canComment={canCommentOnPassages}
            />
            </>
          );
        }}
      </VersionDocument>
      <Discussion
        definition={definition}
        version={version}
        currentLabel={definition.current?.label ?? null}
        user={user}
        maintainer={maintainer}
        shared={{ ...shared.thread, sectionKey: shared.sectionKey, earlierCounts: shared.earlierCounts }}
        quotes={anchors.quotes}
        query={{ order: query.order, cursor: query.cursor ?? null, section: query.section ?? null, reply: one(searchParams.reply) ?? null, edit: one(searchParams.edit) ?? null, flag: one(searchParams.flag) ?? null }}
      />
    </>
  );
}
