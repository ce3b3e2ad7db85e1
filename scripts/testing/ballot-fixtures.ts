// Helpers for the ballot database tests: the refusal check that also reads the
// ballot tables, and members made in bulk.
import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import type { AppError } from "@/lib/errors/app-error";
import { databaseSnapshot, expectRefused } from "@/scripts/testing/expect-refused";

/** Everything any ballot use case could write, besides what databaseSnapshot already reads. */
async function everything() {
  const [snapshot, ballots, options, votes] = await Promise.all([
    databaseSnapshot(),
    db.ballot.findMany({ orderBy: { id: "asc" } }),
    db.ballotOption.findMany({ orderBy: { id: "asc" } }),
    db.ballotVote.findMany({ orderBy: [{ ballotId: "asc" }, { userId: "asc" }] }),
  ]);
  return { snapshot, ballots, options, votes };
}

/** Runs `action`, expects it refused with `code` (and `message`), and checks that nothing was written, ballots included. */
export async function expectBallotRefusedWithoutWriting(action: () => Promise<unknown>, code: AppError["code"], message?: RegExp) {
  const before = await everything();
  await expectRefused(action(), code, message);
  expect(await everything()).toEqual(before);
}

/** `count` members, made in one statement (the concurrency tests need hundreds). */
export async function makeVoters(count: number): Promise<Actor[]> {
  const batch = randomUUID().slice(0, 8);
  const voters: Actor[] = Array.from({ length: count }, (_, i) => ({ id: `bv${batch}${String(i).padStart(4, "0")}`, handle: `bv-${batch}-${i}`, name: `Voter ${i}`, role: "member" }));
  await db.user.createMany({ data: voters.map((v) => ({ ...v, createdAt: new Date("2024-01-01T00:00:00Z") })) });
  return voters;
}
