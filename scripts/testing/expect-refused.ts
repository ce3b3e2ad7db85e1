// Assertions on refusals, shared by the database tests of every domain.
import "@/scripts/testing/require-test-database";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** The AppError that `promise` was refused with; fails the test when it resolved or threw something else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Expects `promise` refused with `code` (and a message matching `message`, if given). */
export async function expectRefused(promise: Promise<unknown>, code: AppError["code"], message?: RegExp): Promise<AppError> {
  const error = await refusal(promise);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  return error;
}

/**
 * What any use case could write: every table counted, and the rows a refused
 * change could edit in place (roles, suspensions, definitions and maintainers,
 * versions, comments, amendments, votes, follows, notifications, flags) read in
 * full. Rate-limit counters are left out: an attempt counts even when refused.
 */
export async function databaseSnapshot() {
  const [counts, ...rows] = await Promise.all([
    Promise.all([
      db.user.count(),
      db.account.count(),
      db.session.count(),
      db.verificationToken.count(),
      db.outboxMail.count(),
      db.section.count(),
      db.commentRevision.count(),
      db.commentAnchor.count(),
      db.amendmentRevision.count(),
      db.sponsorship.count(),
      db.auditEntry.count(),
      db.disposition.count(),
      db.versionResponseCount.count(),
      db.system.count(),
      db.systemFact.count(),
      db.versionRule.count(),
      db.externalClassification.count(),
      db.curator.count(),
      db.accountSettings.count(),
    ]),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, suspendedAt: true, name: true, handle: true } }),
    db.definition.findMany({ orderBy: { id: "asc" } }),
    db.definitionMaintainer.findMany({ orderBy: [{ definitionId: "asc" }, { userId: "asc" }] }),
    db.version.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, number: true, label: true, body: true, changelog: true } }),
    db.comment.findMany({ orderBy: { id: "asc" } }),
    db.amendment.findMany({ orderBy: { id: "asc" } }),
    db.vote.findMany({ orderBy: [{ amendmentId: "asc" }, { userId: "asc" }] }),
    db.follow.findMany({ orderBy: { id: "asc" } }),
    db.notification.findMany({ orderBy: { id: "asc" } }),
    db.flag.findMany({ orderBy: { id: "asc" } }),
    db.factCorrection.findMany({ orderBy: { id: "asc" } }),
    db.amendmentRuleChange.findMany({ orderBy: [{ amendmentId: "asc" }, { criterion: "asc" }] }),
  ]);
  return { counts, rows };
}

/** Runs `action`, expects it refused with `code` (and `message`), and checks that nothing at all was written. */
export async function expectRefusedWithoutWriting(action: () => Promise<unknown>, code: AppError["code"], message?: RegExp): Promise<AppError> {
  const before = await databaseSnapshot();
  const error = await expectRefused(action(), code, message);
  expect(await databaseSnapshot()).toEqual(before);
  return error;
}
