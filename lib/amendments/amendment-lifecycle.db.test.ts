import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { reviseAmendment } from "@/lib/amendments/revise-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { getAmendment } from "@/lib/amendments/get-amendment";
import { HIDDEN_NOTICE } from "@/lib/amendments/get-amendment.schema";
import { castVote } from "@/scripts/testing/cast-vote";
import { closeExpiredVotes } from "@/lib/votes/close-expired-votes";
import { makeUser } from "@/scripts/testing/fixtures";
import { makeAmendableDefinition, makeVotingAmendment, replaceDataInput, SECTIONS } from "@/scripts/testing/amendment-fixtures";

const OPENED = new Date("2025-06-01T00:00:00Z");
const AFTER_CLOSE = new Date("2025-06-20T00:00:00Z"); // the default window is 14 days

function revision(amendmentId: string, number: number, overrides: Record<string, unknown> = {}) {
  return { amendmentId, revision: number, title: "Require the training data", rationale: "A description cannot be audited.", proposedText: "The training data is released.", ...overrides };
}

describe("reviseAmendment", () => {
  it("lets the author revise while seeking and while voting: each change is a new revision with its own row", async () => {
    const { version, author } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    const first = await reviseAmendment({ actor: author, input: revision(id, 1) });
    expect(first).toEqual({ amendmentId: id, revision: 2, changed: true });
    await Promise.all([makeUser(), makeUser()].map(async (p) => sponsorAmendment({ actor: await p, input: { amendmentId: id } })));
    expect((await db.amendment.findUniqueOrThrow({ where: { id } })).status).toBe("voting");
    const second = await reviseAmendment({ actor: author, input: revision(id, 2, { title: "Release the data" }) });
    expect(second.revision).toBe(3);

    const row = await db.amendment.findUniqueOrThrow({ where: { id }, include: { revisions: { orderBy: { number: "asc" } } } });
    expect(row).toMatchObject({ revision: 3, title: "Release the data", proposedText: "The training data is released.", status: "voting" });
    expect(row.revisions.map((r) => [r.number, r.title])).toEqual([
      [1, "Require the training data"],
      [2, "Require the training data"],
      [3, "Release the data"],
    ]);
    const detail = await getAmendment({ actor: author, input: { amendmentId: id } });
    expect(detail.revisions.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(detail.revisions[0].proposedText).toBe(replaceDataInput("").proposedText);
  });

  it("stores nothing when nothing changed", async () => {
    const { version, author } = await makeAmendableDefinition();
    const input = replaceDataInput(version.id);
    const { id } = await proposeAmendment({ actor: author, input });
    const result = await reviseAmendment({ actor: author, input: { amendmentId: id, revision: 1, title: input.title, rationale: input.rationale, proposedText: input.proposedText } });
    expect(result).toEqual({ amendmentId: id, revision: 1, changed: false });
    expect(await db.amendmentRevision.count({ where: { amendmentId: id } })).toBe(1);
  });

  it("refuses others, stale edits, bad texts, closed and withdrawn amendments, writing nothing", async () => {
    const { version, author } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    const other = await makeUser();
    await expectRefusedWithoutWriting(() => reviseAmendment({ actor: other, input: revision(id, 1) }), "forbidden", /Only the author/);
    await expectRefusedWithoutWriting(() => reviseAmendment({ actor: author, input: revision(id, 7) }), "conflict", /You edited revision 7, but the amendment is at revision 1/);
    await expectRefusedWithoutWriting(() => reviseAmendment({ actor: author, input: revision(id, 1, { proposedText: SECTIONS[1].text }) }), "bad_input", /same as the section's current text/);
    const suspended = await db.user.update({ where: { id: author.id }, data: { suspendedAt: new Date() } });
    await expectRefusedWithoutWriting(() => reviseAmendment({ actor: author, input: revision(id, 1) }), "forbidden", /suspended/);
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: null } });
    await withdrawAmendment({ actor: author, input: { amendmentId: id } });
    await expectRefusedWithoutWriting(() => reviseAmendment({ actor: author, input: revision(id, 1) }), "closed", /only while it is seeking sponsors or being voted on/);

    // Past the vote window: refused, and the vote is closed on the way.
    const voting = await makeVotingAmendment({}, OPENED);
    await expectRefused(reviseAmendment({ actor: voting.author, input: revision(voting.amendmentId, 1), now: AFTER_CLOSE }), "closed", /closed on June 15, 2025/);
    expect(await db.amendment.findUniqueOrThrow({ where: { id: voting.amendmentId } })).toMatchObject({ status: "closed", revision: 1 });
    expect(await db.amendmentRevision.count({ where: { amendmentId: voting.amendmentId } })).toBe(1);
  });

  it("two revisions of the same revision at once: one wins, the other is told", async () => {
    const { version, author } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    const results = await Promise.allSettled([
      reviseAmendment({ actor: author, input: revision(id, 1, { proposedText: "Text A." }) }),
      reviseAmendment({ actor: author, input: revision(id, 1, { proposedText: "Text B." }) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as Error).message).toMatch(/changed while you were editing|is at revision 2 now/);
    expect(await db.amendmentRevision.count({ where: { amendmentId: id } })).toBe(2);
    expect((await db.amendment.findUniqueOrThrow({ where: { id } })).revision).toBe(2);
  });
});

describe("closeExpiredVotes and the vote window", () => {
  it("closes votes past votingClosesAt when the amendment is read, and only those", async () => {
    const expired = await makeVotingAmendment({ voteWindowDays: 14 }, OPENED);
    const running = await makeVotingAmendment({ voteWindowDays: 60 }, OPENED);
    const detail = await getAmendment({ actor: null, input: { amendmentId: expired.amendmentId }, now: AFTER_CLOSE });
    expect(detail.status).toBe("closed");
    expect((await getAmendment({ actor: null, input: { amendmentId: running.amendmentId }, now: AFTER_CLOSE })).status).toBe("voting");
    expect(await closeExpiredVotes({ now: new Date("2025-08-01T00:00:00Z"), definitionId: running.definition.id })).toBe(1);
    expect((await db.amendment.findUniqueOrThrow({ where: { id: running.amendmentId } })).status).toBe("closed");
  });
});

describe("decideAmendment", () => {
  it("a maintainer accepts a closed amendment with a reason; the decision is public and audited with the reason and tally", async () => {
    const { amendmentId, maintainer, definition } = await makeVotingAmendment({}, OPENED);
    const voter = await makeUser();
    await castVote({ actor: voter, input: { amendmentId, choice: "for" }, now: new Date("2025-06-02T00:00:00Z") });
    const result = await decideAmendment({ actor: maintainer, input: { amendmentId, outcome: "accepted", reason: "  The vote was clear.  " }, now: AFTER_CLOSE });
    expect(result).toEqual({ amendmentId, status: "accepted", decidedAt: AFTER_CLOSE, reason: "The vote was clear." });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({
      status: "accepted",
      decidedAt: AFTER_CLOSE,
      decidedById: maintainer.id,
      decisionReason: "The vote was clear.",
    });
    const audit = await db.auditEntry.findMany({ where: { targetId: amendmentId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "amendment.accept", actorId: maintainer.id, definitionId: definition.id, targetType: "amendment", reason: "The vote was clear." });
    expect(JSON.parse(audit[0].data)).toEqual({ revision: 1, tally: { for: 1, against: 0, abstain: 0 } });

    const detail = await getAmendment({ actor: null, input: { amendmentId } });
    expect(detail.decision).toEqual({ outcome: "accepted", reason: "The vote was clear.", by: { handle: maintainer.handle, name: maintainer.name }, at: AFTER_CLOSE });
  });

  it("an admin may reject any definition's amendment; the audit action is amendment.reject", async () => {
    const { amendmentId } = await makeVotingAmendment({}, OPENED);
    const admin = await makeUser({ role: "admin" });
    await decideAmendment({ actor: admin, input: { amendmentId, outcome: "rejected", reason: "Out of scope." }, now: AFTER_CLOSE });
    expect((await db.auditEntry.findFirstOrThrow({ where: { targetId: amendmentId } })).action).toBe("amendment.reject");
    expect((await getAmendment({ actor: null, input: { amendmentId } })).decision?.outcome).toBe("rejected");
  });

  it("refuses members, other definitions' maintainers, suspended maintainers, a missing reason and an open vote, writing nothing", async () => {
    const { amendmentId, maintainer, author } = await makeVotingAmendment({}, OPENED);
    const elsewhere = await makeAmendableDefinition();
    const reason = "Because.";
    for (const actor of [author, await makeUser(), await makeUser({ role: "moderator" }), elsewhere.maintainer]) {
      await expectRefusedWithoutWriting(
        () => decideAmendment({ actor, input: { amendmentId, outcome: "accepted", reason }, now: AFTER_CLOSE }),
        "forbidden",
        /Only this definition's maintainers/,
      );
    }
    await expectRefusedWithoutWriting(
      () => decideAmendment({ actor: maintainer, input: { amendmentId, outcome: "accepted", reason: "   " }, now: AFTER_CLOSE }),
      "bad_input",
      /Give the reason/,
    );
    await expectRefusedWithoutWriting(
      () => decideAmendment({ actor: maintainer, input: { amendmentId, outcome: "merged", reason } as never, now: AFTER_CLOSE }),
      "bad_input",
      /"accepted" or "rejected"/,
    );
    await expectRefusedWithoutWriting(
      () => decideAmendment({ actor: maintainer, input: { amendmentId, outcome: "accepted", reason }, now: new Date("2025-06-10T00:00:00Z") }),
      "conflict",
      /The vote is open until June 15, 2025.*decide once it has closed/,
    );
    await db.user.update({ where: { id: maintainer.id }, data: { suspendedAt: new Date() } });
    await expectRefusedWithoutWriting(
      () => decideAmendment({ actor: maintainer, input: { amendmentId, outcome: "accepted", reason }, now: AFTER_CLOSE }),
      "forbidden",
      /suspended/,
    );
  });

  it("refuses an amendment still seeking sponsors, and deciding twice, writing nothing", async () => {
    const { version, author, maintainer } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    await expectRefusedWithoutWriting(
      () => decideAmendment({ actor: maintainer, input: { amendmentId: id, outcome: "rejected", reason: "No." } }),
      "conflict",
      /not been put to a vote/,
    );
    const voting = await makeVotingAmendment({}, OPENED);
    await decideAmendment({ actor: voting.maintainer, input: { amendmentId: voting.amendmentId, outcome: "rejected", reason: "No." }, now: AFTER_CLOSE });
    await expectRefusedWithoutWriting(
      () => decideAmendment({ actor: voting.maintainer, input: { amendmentId: voting.amendmentId, outcome: "accepted", reason: "Yes." }, now: AFTER_CLOSE }),
      "conflict",
      /already been decided \(rejected\)/,
    );
  });

  it("two maintainers deciding at once: one decision, one audit entry", async () => {
    const { amendmentId, maintainer, definition } = await makeVotingAmendment({}, OPENED);
    const second = await makeUser();
    await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: second.id } });
    const results = await Promise.allSettled([
      decideAmendment({ actor: maintainer, input: { amendmentId, outcome: "accepted", reason: "Yes." }, now: AFTER_CLOSE }),
      decideAmendment({ actor: second, input: { amendmentId, outcome: "rejected", reason: "No." }, now: AFTER_CLOSE }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { targetId: amendmentId } })).toBe(1);
  });
});

describe("withdrawAmendment", () => {
  it("the author withdraws before the decision (seeking, voting or closed); votes and revisions stay on record", async () => {
    for (const now of [new Date("2025-06-02T00:00:00Z"), AFTER_CLOSE]) {
      const { amendmentId, author } = await makeVotingAmendment({}, OPENED);
      await castVote({ actor: await makeUser(), input: { amendmentId, choice: "for" }, now: new Date("2025-06-01T12:00:00Z") });
      await closeExpiredVotes({ now });
      expect(await withdrawAmendment({ actor: author, input: { amendmentId } })).toEqual({ amendmentId, status: "withdrawn", changed: true });
      expect(await withdrawAmendment({ actor: author, input: { amendmentId } })).toMatchObject({ changed: false });
      expect(await db.vote.count({ where: { amendmentId } })).toBe(1);
      expect((await getAmendment({ actor: null, input: { amendmentId } })).status).toBe("withdrawn");
    }
  });

  it("refuses anyone but the author, and after the decision, writing nothing", async () => {
    const { amendmentId, author, maintainer } = await makeVotingAmendment({}, OPENED);
    await expectRefusedWithoutWriting(() => withdrawAmendment({ actor: maintainer, input: { amendmentId } }), "forbidden", /Only the author/);
    await decideAmendment({ actor: maintainer, input: { amendmentId, outcome: "accepted", reason: "Yes." }, now: AFTER_CLOSE });
    await expectRefusedWithoutWriting(() => withdrawAmendment({ actor: author, input: { amendmentId } }), "closed", /already decided.*accepted/);
  });
});

describe("getAmendment", () => {
  it("gives the redline, rationale as HTML, author, sponsors, tally and public votes with handles and choices", async () => {
    const { amendmentId, author, sponsors, definition } = await makeVotingAmendment();
    const [a, b] = await Promise.all([makeUser({ name: "Ada" }), makeUser()]);
    await castVote({ actor: a, input: { amendmentId, choice: "for" } });
    await castVote({ actor: b, input: { amendmentId, choice: "abstain" } });
    await db.amendment.update({ where: { id: amendmentId }, data: { rationale: "**Why**: <script>x</script>" } });

    const detail = await getAmendment({ actor: a, input: { amendmentId } });
    expect(detail).toMatchObject({
      id: amendmentId,
      kind: "replace",
      status: "voting",
      hidden: false,
      revision: 1,
      definition: { slug: definition.slug, voteVisibility: "public", sponsorsRequired: 2 },
      baseVersion: { label: "1.0", status: "published" },
      section: { key: "data", heading: "Data Information" },
      author: { handle: author.handle, name: author.name },
      baseText: SECTIONS[1].text,
      tally: { for: 1, against: 0, abstain: 1 },
      earlierTally: { for: 0, against: 0, abstain: 0 },
      decision: null,
      viewer: { isAuthor: false, canVote: true, canSponsor: false, canRevise: false, canDecide: false },
    });
    expect(detail.rationaleHtml).toContain("<strong>Why</strong>");
    expect(detail.rationaleHtml).not.toContain("<script");
    expect(detail.redline.html).toContain("<ins>");
    expect(detail.sponsors.count).toBe(2);
    expect(detail.sponsors.people.map((p) => p.handle).sort()).toEqual(sponsors.map((s) => s.handle).sort());
    expect(detail.votes.current.map((v) => [v.voter.handle, v.choice])).toEqual(
      expect.arrayContaining([
        [a.handle, "for"],
        [b.handle, "abstain"],
      ]),
    );
    expect(JSON.stringify(detail)).not.toMatch(/email|authorId|userId/);
  });

  it("tells the viewer what they may do", async () => {
    const { version, author, maintainer } = await makeAmendableDefinition();
    const { id } = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    const member = await makeUser();
    expect((await getAmendment({ actor: author, input: { amendmentId: id } })).viewer).toMatchObject({ isAuthor: true, canSponsor: false, canRevise: true, canWithdraw: true });
    expect((await getAmendment({ actor: member, input: { amendmentId: id } })).viewer).toMatchObject({ canSponsor: true, canVote: false, canWithdraw: false });
    expect((await getAmendment({ actor: null, input: { amendmentId: id } })).viewer.canSponsor).toBe(false);
    const closed = await makeVotingAmendment({}, OPENED);
    expect((await getAmendment({ actor: closed.maintainer, input: { amendmentId: closed.amendmentId }, now: AFTER_CLOSE })).viewer.canDecide).toBe(true);
    expect((await getAmendment({ actor: maintainer, input: { amendmentId: closed.amendmentId }, now: AFTER_CLOSE })).viewer.canDecide).toBe(false);
  });

  it("replaces a hidden amendment's words with a notice, keeping status and tallies", async () => {
    const { amendmentId } = await makeVotingAmendment();
    await castVote({ actor: await makeUser(), input: { amendmentId, choice: "for" } });
    await db.amendment.update({ where: { id: amendmentId }, data: { hiddenAt: new Date(), hiddenReason: "abuse" } });
    const detail = await getAmendment({ actor: null, input: { amendmentId } });
    expect(detail).toMatchObject({ hidden: true, title: HIDDEN_NOTICE, rationale: HIDDEN_NOTICE, proposedText: "", status: "voting", tally: { for: 1 } });
    expect(detail.redline.parts).toEqual([]);
    expect(detail.revisions.every((r) => r.title === HIDDEN_NOTICE && r.proposedText === "")).toBe(true);
    expect(JSON.stringify(detail)).not.toContain("Require the training data");
    expect(JSON.stringify(detail)).not.toContain("abuse");
  });

  it("answers not found for an unknown amendment", async () => {
    await expectRefusedWithoutWriting(() => getAmendment({ actor: null, input: { amendmentId: "nope" } }), "not_found");
  });
});
