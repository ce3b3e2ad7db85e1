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
 * change could edit in place (roles, suspensions, versions, amendments) read in
 * full. Rate-limit counters are left out: an attempt counts even when refused.
 */
export async function databaseSnapshot() {
  const [counts, users, versions, amendments] = await Promise.all([
    Promise.all([
      db.user.count(),
      db.account.count(),
      db.session.count(),
      db.verificationToken.count(),
      db.outboxMail.count(),
      db.definition.count(),
      db.definitionMaintainer.count(),
      db.version.count(),
      db.section.count(),
      db.comment.count(),
      db.commentRevision.count(),
      db.follow.count(),
      db.notification.count(),
      db.amendment.count(),
      db.amendmentRevision.count(),
      db.sponsorship.count(),
      db.vote.count(),
      db.flag.count(),
      db.auditEntry.count(),
    ]),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, suspendedAt: true } }),
    db.version.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, number: true, label: true, body: true, changelog: true } }),
    db.amendment.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { counts, users, versions, amendments };
}

/** Runs `action`, expects it refused with `code` (and `message`), and checks that nothing at all was written. */
export async function expectRefusedWithoutWriting(action: () => Promise<unknown>, code: AppError["code"], message?: RegExp): Promise<AppError> {
  const before = await databaseSnapshot();
  const error = await expectRefused(action(), code, message);
  expect(await databaseSnapshot()).toEqual(before);
  return error;
}
