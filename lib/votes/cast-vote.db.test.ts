import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { castVote } from "@/scripts/testing/cast-vote";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { reviseAmendment } from "@/lib/amendments/revise-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { getAmendment } from "@/lib/amendments/get-amendment";
import { makeAmendableDefinition, makeVotingAmendment, replaceDataInput, rowCounts } from "@/scripts/testing/amendment-fixtures";
import { makeUser } from "@/scripts/testing/fixtures";

afterEach(() => {
  delete process.env.VOTES_PER_MINUTE;
  delete process.env.VOTES_PER_ADDRESS_PER_MINUTE;
});

/** `count` members, created in one statement. */
async function makeVoters(count: number): Promise<Actor[]> {
  const batch = randomUUID().slice(0, 8);
  const voters: Actor[] = Array.from({ length: count }, (_, i) => ({
    id: `voter${batch}${String(i).padStart(5, "0")}`,
    handle: `voter-${batch}-${i}`,
    name: `Voter ${i}`,
    role: "member",
  }));
  await db.user.createMany({ data: voters.map((v) => ({ ...v, createdAt: new Date("2024-01-01T00:00:00Z") })) });
  return voters;
}

describe("castVote", () => {
  it("records one vote per member on the current revision, changeable while the vote is open", async () => {
    const { amendmentId } = await makeVotingAmendment();
    const voter = await makeUser();
    const first = await castVote({ actor: voter, input: { amendmentId, choice: "for" } });
    expect(first).toEqual({ amendmentId, revision: 1, tally: { for: 1, against: 0, abstain: 0 } });
    const changed = await castVote({ actor: voter, input: { amendmentId, choice: "against" } });
    expect(changed.tally).toEqual({ for: 0, against: 1, abstain: 0 });
    const rows = await db.vote.findMany({ where: { amendmentId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: voter.id, choice: "against", revision: 1 });
  });

  it("lets the author vote on their own amendment like any member", async () => {
    const { amendmentId, author } = await makeVotingAmendment();
    const result = await castVote({ actor: author, input: { amendmentId, choice: "for" } });
    expect(result.tally.for).toBe(1);
  });

  it("records the revision each vote was cast on; after a revision earlier votes stop counting until recast", async () => {
    const { amendmentId, author } = await makeVotingAmendment();
    const [early, late] = await Promise.all([makeUser(), makeUser()]);
    await castVote({ actor: early, input: { amendmentId, choice: "for" } });
    await reviseAmendment({
      actor: author,
      input: { ...replaceDataInput(""), amendmentId, revision: 1, proposedText: "Developers release the training data." },
    });
    const afterRevision = await castVote({ actor: late, input: { amendmentId, choice: "against" } });
    expect(afterRevision).toMatchObject({ revision: 2, tally: { for: 0, against: 1, abstain: 0 } });
    expect(await db.vote.findUniqueOrThrow({ where: { amendmentId_userId: { amendmentId, userId: early.id } } })).toMatchObject({ revision: 1 });
    const detail = await getAmendment({ actor: null, input: { amendmentId } });
    expect(detail.tally).toEqual({ for: 0, against: 1, abstain: 0 });
    expect(detail.earlierTally).toEqual({ for: 1, against: 0, abstain: 0 });
    expect(detail.votes.current.map((v) => v.voter.handle)).toEqual([late.handle]);
    expect(detail.votes.earlier.map((v) => [v.voter.handle, v.revision])).toEqual([[early.handle, 1]]);

    const recast = await castVote({ actor: early, input: { amendmentId, choice: "for" } });
    expect(recast.tally).toEqual({ for: 1, against: 1, abstain: 0 });
  });

  it("1,000 members voting at once give exactly 1,000 votes and an exact tally", async () => {
    const { amendmentId } = await makeVotingAmendment();
    const voters = await makeVoters(1000);
    const choices = ["for", "against", "abstain"] as const;
    const results = await Promise.allSettled(voters.map((actor, i) => castVote({ actor, input: { amendmentId, choice: choices[i % 3] } })));
    const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    // On SQLite this is also where a "database is locked" error would surface.
    expect(failures).toEqual([]);
    expect(await db.vote.count({ where: { amendmentId } })).toBe(1000);
    const expected = { for: 334, against: 333, abstain: 333 };
    expect((await getAmendment({ actor: null, input: { amendmentId } })).tally).toEqual(expected);
    const grouped = await db.vote.groupBy({ by: ["choice"], where: { amendmentId }, _count: { _all: true } });
    expect(Object.fromEntries(grouped.map((g) => [g.choice, g._count._all]))).toEqual(expected);
    // A generous ceiling for a loaded machine: this is a correctness test, not a benchmark.
  }, 300_000);

  it("one member voting twice at once leaves one vote", async () => {
    const { amendmentId } = await makeVotingAmendment();
    const voter = await makeUser();
    const results = await Promise.allSettled([
      castVote({ actor: voter, input: { amendmentId, choice: "for" } }),
      castVote({ actor: voter, input: { amendmentId, choice: "against" } }),
      castVote({ actor: voter, input: { amendmentId, choice: "for" } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    const rows = await db.vote.findMany({ where: { amendmentId } });
    expect(rows).toHaveLength(1);
    const tally = (await getAmendment({ actor: null, input: { amendmentId } })).tally;
    expect(tally.for + tally.against + tally.abstain).toBe(1);
    expect(tally[rows[0].choice as "for" | "against"]).toBe(1);
  });

  it("refuses a vote after votingClosesAt and closes the vote", async () => {
    const opened = new Date("2025-06-01T00:00:00Z");
    const { amendmentId } = await makeVotingAmendment({ voteWindowDays: 7 }, opened);
    const voter = await makeUser();
    await castVote({ actor: voter, input: { amendmentId, choice: "for" }, now: new Date("2025-06-07T23:59:59Z") });
    const before = await rowCounts();
    await expectRefused(
      castVote({ actor: voter, input: { amendmentId, choice: "against" }, now: new Date("2025-06-08T00:00:00Z") }),
      "closed",
      /closed on June 8, 2025/,
    );
    expect(await rowCounts()).toEqual(before);
    const row = await db.amendment.findUniqueOrThrow({ where: { id: amendmentId } });
    expect(row.status).toBe("closed");
    expect((await db.vote.findFirstOrThrow({ where: { amendmentId } })).choice).toBe("for");
  });

  it("refuses votes on amendments seeking sponsors, withdrawn, hidden or unknown, writing nothing", async () => {
    const { version, author } = await makeAmendableDefinition();
    const seeking = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    const voter = await makeUser();
    await expectRefusedWithoutWriting(() => castVote({ actor: voter, input: { amendmentId: seeking.id, choice: "for" } }), "closed", /looking for sponsors.*2 members/);

    const withdrawn = await makeVotingAmendment();
    await withdrawAmendment({ actor: withdrawn.author, input: { amendmentId: withdrawn.amendmentId } });
    await expectRefusedWithoutWriting(() => castVote({ actor: voter, input: { amendmentId: withdrawn.amendmentId, choice: "for" } }), "closed", /withdrew/);

    const hidden = await makeVotingAmendment();
    await db.amendment.update({ where: { id: hidden.amendmentId }, data: { hiddenAt: new Date() } });
    await expectRefusedWithoutWriting(() => castVote({ actor: voter, input: { amendmentId: hidden.amendmentId, choice: "for" } }), "forbidden", /hid/);

    await expectRefusedWithoutWriting(() => castVote({ actor: voter, input: { amendmentId: "nope", choice: "for" } }), "not_found");
  });

  it("refuses a bad choice, a suspended member and an unknown user, writing nothing", async () => {
    const { amendmentId } = await makeVotingAmendment();
    const voter = await makeUser();
    await expectRefusedWithoutWriting(() => castVote({ actor: voter, input: { amendmentId, choice: "maybe" } as never }), "bad_input", /"for", "against" or "abstain"/);
    const suspended = await makeUser({ suspendedAt: new Date() });
    await expectRefusedWithoutWriting(() => castVote({ actor: suspended, input: { amendmentId, choice: "for" } }), "forbidden", /suspended/);
    const ghost = { id: "ghost", handle: "ghost", name: "Ghost", role: "member" as const };
    await expectRefusedWithoutWriting(() => castVote({ actor: ghost, input: { amendmentId, choice: "for" } }), "unauthenticated");
  });

  it("limits votes per account per minute (VOTES_PER_MINUTE)", async () => {
    process.env.VOTES_PER_MINUTE = "2";
    const { amendmentId } = await makeVotingAmendment();
    const [voter, other] = await Promise.all([makeUser(), makeUser()]);
    const now = new Date();
    await castVote({ actor: voter, input: { amendmentId, choice: "for" }, now });
    await castVote({ actor: voter, input: { amendmentId, choice: "against" }, now });
    const error = await expectRefusedWithoutWriting(
      () => castVote({ actor: voter, input: { amendmentId, choice: "abstain" }, now: new Date(now.getTime() + 10_000) }),
      "rate_limited",
      /2 times a minute\. Try again in 50 seconds/,
    );
    expect(error.retryAfter).toBe(50);
    expect((await db.vote.findFirstOrThrow({ where: { amendmentId, userId: voter.id } })).choice).toBe("against");
    await castVote({ actor: other, input: { amendmentId, choice: "for" }, now });
    await castVote({ actor: voter, input: { amendmentId, choice: "abstain" }, now: new Date(now.getTime() + 60_000) });
  });

  it("limits votes per client address across accounts (VOTES_PER_ADDRESS_PER_MINUTE)", async () => {
    process.env.VOTES_PER_ADDRESS_PER_MINUTE = "2";
    const { amendmentId } = await makeVotingAmendment();
    const voters = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const now = new Date();
    await castVote({ actor: voters[0], input: { amendmentId, choice: "for" }, address: "198.51.100.4", now });
    await castVote({ actor: voters[1], input: { amendmentId, choice: "for" }, address: "198.51.100.4", now });
    await expectRefusedWithoutWriting(
      () => castVote({ actor: voters[2], input: { amendmentId, choice: "for" }, address: "198.51.100.4", now }),
      "rate_limited",
      /Too many votes came from your network in the last minute\. Try again in 60 seconds/,
    );
    await castVote({ actor: voters[2], input: { amendmentId, choice: "for" }, address: "198.51.100.5", now });
    expect(await db.vote.count({ where: { amendmentId } })).toBe(3);
  });

  it("never reports choices when the definition's votes are secret, to anyone", async () => {
    const { amendmentId, maintainer } = await makeVotingAmendment({ voteVisibility: "secret" });
    const voter = await makeUser();
    const result = await castVote({ actor: voter, input: { amendmentId, choice: "against" } });
    expect(Object.keys(result).sort()).toEqual(["amendmentId", "revision", "tally"]);
    expect(result.tally).toEqual({ for: 0, against: 1, abstain: 0 });
    const admin = await makeUser({ role: "admin" });
    for (const actor of [null, voter, maintainer, admin]) {
      const detail = await getAmendment({ actor, input: { amendmentId } });
      expect(detail.tally).toEqual({ for: 0, against: 1, abstain: 0 });
      expect(detail.votes).toEqual({ current: [], earlier: [] });
      expect(JSON.stringify(detail)).not.toContain(voter.handle);
    }
  });
});
