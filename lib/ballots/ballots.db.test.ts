import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { expectRefused } from "@/scripts/testing/expect-refused";
import { expectBallotRefusedWithoutWriting, makeVoters } from "@/scripts/testing/ballot-fixtures";
import { makeAmendableDefinition, makeVotingAmendment } from "@/scripts/testing/amendment-fixtures";
import { makeUser } from "@/scripts/testing/fixtures";
import { openBallot } from "@/lib/ballots/open-ballot";
import type { OpenBallotInput } from "@/lib/ballots/open-ballot.schema";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { closeBallot } from "@/lib/ballots/close-ballot";
import { getBallot } from "@/lib/ballots/get-ballot";
import { listBallots } from "@/lib/ballots/list-ballots";
import { decideBallotTie } from "@/lib/ballots/decide-ballot-tie";
import { acceptBallotWinner } from "@/lib/ballots/accept-ballot-winner";
import { getTallySheet } from "@/lib/ballots/get-tally-sheet";
import { countTallySheet, readTallySheet, writeTallySheet } from "@/lib/ballots/tally-sheet";
import { ballotReceipt } from "@/lib/ballots/ballot-receipt";

const OPENED = new Date("2026-03-01T00:00:00Z");
const DURING = new Date("2026-03-02T00:00:00Z");
const AFTER = new Date("2026-03-09T00:00:00Z");

/** A definition with a ballot on its "data" section: two written options (B needs 3:1) and the default. */
async function makeBallot(overrides: Partial<OpenBallotInput> = {}) {
  const setup = await makeAmendableDefinition();
  const input: OpenBallotInput = {
    versionId: setup.version.id,
    sectionKey: "data",
    title: "What the data section requires",
    days: 7,
    quorum: 0,
    options: [
      { label: "Describe the data", text: "Developers describe the training data." },
      { label: "Release the data", text: "Developers release the training data.", majority: 3 },
    ],
    ...overrides,
  };
  const opened = await openBallot({ actor: setup.maintainer, input, now: OPENED });
  const options = await db.ballotOption.findMany({ where: { ballotId: opened.ballotId }, orderBy: { position: "asc" } });
  const [a, b, none] = options.map((o) => o.id);
  return { ...setup, ballotId: opened.ballotId, options, a, b, none };
}

describe("ranked ballots", () => {
  it("opens, takes rankings (the latest counts), closes, counts by A.6 and logs open and close", async () => {
    const { ballotId, maintainer, a, b, none, options, definition } = await makeBallot();
    expect(options.map((o) => [o.position, o.label, o.majority, o.isDefault])).toEqual([
      [1, "Describe the data", 1, false],
      [2, "Release the data", 3, false],
      [3, "None of the above (keep the current text)", 1, true],
    ]);
    const voters = await makeVoters(5);
    // B is preferred pairwise by 3 of 5 but beats the default only 3:2, short of its 3:1.
    await castBallot({ actor: voters[0], input: { ballotId, ranks: { [b]: 1, [a]: 2 } }, now: DURING });
    await castBallot({ actor: voters[1], input: { ballotId, ranks: { [b]: "1", [a]: "2", [none]: "" } }, now: DURING });
    await castBallot({ actor: voters[2], input: { ballotId, ranks: { [a]: 1, [none]: 1 } }, now: DURING });
    await castBallot({ actor: voters[3], input: { ballotId, ranks: { [none]: 1 } }, now: DURING });
    const first = await castBallot({ actor: voters[4], input: { ballotId, ranks: { [none]: 1 } }, now: DURING });
    const changed = await castBallot({ actor: voters[4], input: { ballotId, ranks: { [b]: 1, [a]: 1 } }, now: DURING });
    expect([first.revision, changed.revision]).toEqual([1, 2]);
    expect(changed.receipt).toBe(ballotReceipt(ballotId, voters[4].id));
    expect(await db.ballotVote.count({ where: { ballotId } })).toBe(5);

    const open = await getBallot({ actor: voters[4], input: { ballotId }, now: DURING });
    expect(open).toMatchObject({ status: "open", voters: 5, result: null, own: { ranks: { [b]: 1, [a]: 1 }, revision: 2 } });

    const closed = await getBallot({ actor: null, input: { ballotId }, now: AFTER });
    expect(closed.status).toBe("closed");
    expect(closed.result!.dropped).toEqual([{ key: b, reason: "majority", over: 3, under: 2, required: 3 }]);
    // A beats the default 3:1 (voter 2 ranked them equal: no preference).
    expect(closed.result!.matrix[0][2]).toBe(3);
    expect(closed.winnerOptionId).toBe(a);
    const log = await db.auditEntry.findMany({ where: { definitionId: definition.id }, orderBy: { seq: "asc" } });
    expect(log.map((e) => [e.action, e.actorId])).toEqual([
      ["ballot.open", maintainer.id],
      ["ballot.close", maintainer.id],
    ]);

    const list = await listBallots({ slug: definition.slug, now: AFTER });
    expect(list.ballots).toMatchObject([{ id: ballotId, status: "closed", voters: 5, winner: "Describe the data" }]);

    // The tally sheet recounts to the stored result.
    const sheet = await getTallySheet({ input: { ballotId }, now: AFTER });
    expect(sheet.rows.map((r) => r.voter).sort()).toEqual(voters.map((v) => v.handle).sort());
    expect(countTallySheet(readTallySheet(writeTallySheet(sheet)))).toEqual(closed.result);
  });

  it("1,000 concurrent submissions from 200 members leave 200 ballots, each the member's last acknowledged", async () => {
    const { ballotId, a, b, none } = await makeBallot();
    const voters = await makeVoters(200);
    const choices = [{ [a]: 1 }, { [b]: 1 }, { [none]: 1 }, { [a]: 1, [b]: 2 }, { [b]: 1, [none]: 2 }];
    const submissions = voters.flatMap((actor, v) => choices.map((_, k) => ({ actor, ranks: choices[(v + k) % choices.length] })));
    const results = await Promise.allSettled(submissions.map((s) => castBallot({ actor: s.actor, input: { ballotId, ranks: s.ranks }, now: DURING })));
    expect(results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []))).toEqual([]);
    const rows = await db.ballotVote.findMany({ where: { ballotId } });
    expect(rows).toHaveLength(200);
    const last = new Map<string, { revision: number; ranks: Record<string, number> }>();
    results.forEach((r, i) => {
      if (r.status !== "fulfilled") return;
      const seen = last.get(submissions[i].actor.id);
      if (!seen || r.value.revision > seen.revision) last.set(submissions[i].actor.id, r.value);
    });
    for (const row of rows) {
      expect(row.revision).toBe(5);
      expect(JSON.parse(row.ranks)).toEqual(last.get(row.userId)!.ranks);
    }
  }, 300_000);

  it("refuses bad rankings, late ballots and non-members with a clear message, writing nothing", async () => {
    const { ballotId, a, b } = await makeBallot();
    const voter = await makeUser();
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: voter, input: { ballotId, ranks: { [a]: 4 } }, now: DURING }), "bad_input", /Ranks go from 1 \(most preferred\) to 3; "Describe the data" was given 4/);
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: voter, input: { ballotId, ranks: { [a]: 0 } }, now: DURING }), "bad_input", /Ranks go from 1/);
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: voter, input: { ballotId, ranks: { [a]: "1.5" } }, now: DURING }), "bad_input", /whole number; "1.5"/);
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: voter, input: { ballotId, ranks: { nope: 1 } }, now: DURING }), "bad_input", /"nope" is not an option of this ballot/);
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: voter, input: { ballotId, ranks: { [a]: "" } }, now: DURING }), "bad_input", /Rank at least one option/);
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: null, input: { ballotId, ranks: { [a]: 1 } }, now: DURING }), "unauthenticated", /Sign in to vote on ballots/);
    const suspended = await makeUser({ suspendedAt: new Date("2025-01-01T00:00:00Z") });
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: suspended, input: { ballotId, ranks: { [a]: 1 } }, now: DURING }), "forbidden", /suspended/);
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: voter, input: { ballotId: "missing", ranks: { [a]: 1 } }, now: DURING }), "not_found");

    await castBallot({ actor: voter, input: { ballotId, ranks: { [a]: 1 } }, now: DURING });
    await getBallot({ actor: null, input: { ballotId }, now: AFTER }); // closes and counts it
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: voter, input: { ballotId, ranks: { [b]: 1 } }, now: AFTER }), "closed", /closed on March 8, 2026/);
    expect(JSON.parse((await db.ballotVote.findFirstOrThrow({ where: { ballotId } })).ranks)).toEqual({ [a]: 1 });
  });

  it("lets only a maintainer open a ballot, with options that belong to the section", async () => {
    const { amendmentId, version, maintainer, author } = await makeVotingAmendment();
    const other = await makeVotingAmendment();
    const input = (options: OpenBallotInput["options"]): OpenBallotInput => ({ versionId: version.id, sectionKey: "data", title: "Data", days: 7, options });
    const written = { label: "Describe it", text: "Developers describe the data." };
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: author, input: input([{ amendmentId }, written]) }), "forbidden", /Only this definition's maintainers can open ballots/);
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: null, input: input([{ amendmentId }, written]) }), "unauthenticated");
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: input([written]) }), "bad_input", /at least 2 options besides "None of the above"/);
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: input([{ amendmentId: other.amendmentId }, written]) }), "bad_input", /is not an amendment to section "Data Information"/);
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: input([{ amendmentId }, { ...written, majority: 2 }]) }), "bad_input", /majority ratio is 1 \(1:1\) or 3 \(3:1\)/);
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: input([{ amendmentId }, written, { amendmentId }]) }), "bad_input", /listed twice/);

    const opened = await openBallot({ actor: maintainer, input: { ...input([{ amendmentId }, written]), secret: true, quorum: "debian" } });
    const ballot = await db.ballot.findUniqueOrThrow({ where: { id: opened.ballotId }, include: { options: { orderBy: { position: "asc" } } } });
    expect(ballot.options.map((o) => [o.label, o.amendmentId])).toEqual([["Require the training data", amendmentId], ["Describe it", null], ["None of the above (keep the current text)", null]]);
    expect(ballot.quorum).toBeCloseTo(1.5 * Math.sqrt(await db.user.count({ where: { suspendedAt: null } })));
    await db.ballot.update({ where: { id: opened.ballotId }, data: { quorum: 0 } }); // one voter below is enough here

    // Accepting the winning amendment option accepts that amendment.
    const voter = await makeUser();
    const { receipt } = await castBallot({ actor: voter, input: { ballotId: opened.ballotId, ranks: { [ballot.options[0].id]: 1 } } });
    await closeBallot({ actor: maintainer, input: { ballotId: opened.ballotId } });
    await expectBallotRefusedWithoutWriting(() => closeBallot({ actor: maintainer, input: { ballotId: opened.ballotId } }), "closed");
    await acceptBallotWinner({ actor: maintainer, input: { ballotId: opened.ballotId } });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({ status: "accepted", decidedById: maintainer.id });
    // A secret ballot's sheet names receipts, not voters.
    expect((await getTallySheet({ input: { ballotId: opened.ballotId } })).rows.map((r) => r.voter)).toEqual([receipt]);
  });

  it("leaves a tie to the lead maintainer's casting vote, logged, then accepts the written winner as an amendment", async () => {
    const { ballotId, maintainer, definition, version, a, b, none } = await makeBallot({
      options: [
        { label: "Describe the data", text: "Developers describe the training data." },
        { label: "Release the data", text: "Developers release the training data." },
      ],
    });
    const second = await makeUser();
    await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: second.id, createdAt: new Date("2099-01-01T00:00:00Z") } });
    const voters = await makeVoters(4);
    for (const [i, ranks] of [{ [a]: 1, [b]: 2 }, { [a]: 1, [b]: 2 }, { [b]: 1, [a]: 2 }, { [b]: 1, [a]: 2, [none]: 3 }].entries()) await castBallot({ actor: voters[i], input: { ballotId, ranks }, now: DURING });
    const closed = await getBallot({ actor: null, input: { ballotId }, now: AFTER });
    expect(closed.winnerOptionId).toBeNull();
    expect(closed.result!.schwartzSet).toEqual([a, b]);
    await expectBallotRefusedWithoutWriting(() => acceptBallotWinner({ actor: maintainer, input: { ballotId }, now: AFTER }), "conflict", /casting vote decides it first/);
    await expectBallotRefusedWithoutWriting(() => decideBallotTie({ actor: second, input: { ballotId, optionId: b }, now: AFTER }), "forbidden", /lead maintainer/);
    await expectBallotRefusedWithoutWriting(() => decideBallotTie({ actor: maintainer, input: { ballotId, optionId: none }, now: AFTER }), "bad_input", /one of the tied options/);
    await decideBallotTie({ actor: maintainer, input: { ballotId, optionId: b }, now: AFTER });
    await expectBallotRefusedWithoutWriting(() => decideBallotTie({ actor: maintainer, input: { ballotId, optionId: a }, now: AFTER }), "conflict");
    expect((await db.auditEntry.findFirstOrThrow({ where: { action: "ballot.casting-vote", targetId: ballotId } })).actorId).toBe(maintainer.id);

    const { amendmentId } = await acceptBallotWinner({ actor: maintainer, input: { ballotId }, now: AFTER });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({
      status: "accepted", versionId: version.id, sectionKey: "data", kind: "replace", proposedText: "Developers release the training data.", baseText: "Developers describe the training data in detail.\n\nThe data itself is optional.",
    });
    await expectBallotRefusedWithoutWriting(() => acceptBallotWinner({ actor: maintainer, input: { ballotId }, now: AFTER }), "conflict", /already been accepted/);
  });

  it("has nothing to accept when the default option wins, and publishes no tally while open", async () => {
    const { ballotId, maintainer, none } = await makeBallot();
    await expectRefused(getTallySheet({ input: { ballotId }, now: DURING }), "closed", /published when the ballot closes/);
    const [voter] = await makeVoters(1);
    await castBallot({ actor: voter, input: { ballotId, ranks: { [none]: 1 } }, now: DURING });
    expect((await getBallot({ actor: null, input: { ballotId }, now: AFTER })).winnerOptionId).toBe(none);
    await expectBallotRefusedWithoutWriting(() => acceptBallotWinner({ actor: maintainer, input: { ballotId }, now: AFTER }), "conflict", /"None of the above" won/);
  });
});
