import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/current-user";
import { expectBallotRefusedWithoutWriting, makeVoters } from "@/scripts/testing/ballot-fixtures";
import { makeAmendableDefinition, replaceDataInput } from "@/scripts/testing/amendment-fixtures";
import { makeUser } from "@/scripts/testing/fixtures";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { openBallot } from "@/lib/ballots/open-ballot";
import type { OpenBallotInput } from "@/lib/ballots/open-ballot.schema";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { closeBallot } from "@/lib/ballots/close-ballot";
import { getBallot } from "@/lib/ballots/get-ballot";
import { listBallots } from "@/lib/ballots/list-ballots";
import { acceptBallotWinner } from "@/lib/ballots/accept-ballot-winner";
import { countRankings } from "@/lib/ballots/count-ballot";
import { ballotListOutput, ballotOutput } from "@/lib/ballots/ballot-output";
import type { AppError } from "@/lib/errors/app-error";

// Whole-version ballots, a later opening time, followers' notifications and a
// vote racing the close (decision 014).

const CREATED = new Date("2026-03-01T00:00:00Z");
const OPENS = new Date("2026-03-05T00:00:00Z");
const BEFORE = new Date("2026-03-03T00:00:00Z");
const DURING = new Date("2026-03-06T00:00:00Z");
const AFTER = new Date("2026-03-20T00:00:00Z");

/** An amendment on `sectionKey` that has its sponsors. */
async function sponsoredAmendment(setup: Awaited<ReturnType<typeof makeAmendableDefinition>>, sectionKey: string, proposedText: string) {
  const amendment = await proposeAmendment({ actor: setup.author, input: replaceDataInput(setup.version.id, { sectionKey, title: `Rewrite ${sectionKey}`, proposedText }), now: CREATED });
  for (let i = 0; i < setup.definition.sponsorsRequired; i++) await sponsorAmendment({ actor: await makeUser(), input: { amendmentId: amendment.id }, now: CREATED });
  return amendment.id;
}

describe("ballots on the whole version", () => {
  it("take amendments on any section and written texts that name their section; the written winner replaces that section", async () => {
    const setup = await makeAmendableDefinition();
    const { version, maintainer, definition } = setup;
    const onCode = await sponsoredAmendment(setup, "code", "Training code is released; inference code may stay closed.");
    const written = { label: "Release the data", text: "Developers release the training data.", sectionKey: "data" };
    const input = (options: OpenBallotInput["options"]): OpenBallotInput => ({ versionId: version.id, sectionKey: "", title: "What to require next", days: 7, options });

    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: input([{ amendmentId: onCode }, { label: "Somewhere", text: "Some text." }]), now: CREATED }), "bad_input", /whole version, name the section the written option "Somewhere" rewrites/);
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: input([{ amendmentId: onCode }, { ...written, sectionKey: "nope" }]), now: CREATED }), "bad_input", /no section "nope" for the written option "Release the data"/);
    // On a section ballot a written option may not name another section.
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: { ...input([{ label: "A", text: "A." }, { ...written, sectionKey: "code" }]), sectionKey: "data" }, now: CREATED }), "bad_input", /names another section than the ballot's \("Data Information"\)/);

    const { ballotId } = await openBallot({ actor: maintainer, input: input([{ amendmentId: onCode }, written]), now: CREATED });
    const stored = await db.ballot.findUniqueOrThrow({ where: { id: ballotId }, include: { options: { orderBy: { position: "asc" } } } });
    expect(stored.sectionKey).toBe("");
    expect(stored.options.map((o) => [o.label, o.sectionKey, o.amendmentId])).toEqual([["Rewrite code", "code", onCode], ["Release the data", "data", null], ["None of the above (keep the current text)", null, null]]);
    const [codeOption, dataOption] = stored.options.map((o) => o.id);

    const shown = await getBallot({ actor: null, input: { ballotId }, now: CREATED });
    expect(shown).toMatchObject({ scope: "version", section: null });
    expect(shown.options.map((o) => o.sectionHeading)).toEqual(["Code", "Data Information", null]);
    expect(ballotOutput.parse(shown)).toMatchObject({ scope: "version", section: null, options: [{ sectionKey: "code" }, { sectionKey: "data" }, { sectionKey: null }] });
    expect(ballotListOutput.parse(await listBallots({ slug: definition.slug, now: CREATED })).ballots).toMatchObject([{ id: ballotId, scope: "version", sectionKey: null }]);

    const voters = await makeVoters(3);
    for (const v of voters) await castBallot({ actor: v, input: { ballotId, ranks: { [dataOption]: 1, [codeOption]: 2 } }, now: CREATED });
    await closeBallot({ actor: maintainer, input: { ballotId }, now: CREATED });
    const { amendmentId } = await acceptBallotWinner({ actor: maintainer, input: { ballotId }, now: CREATED });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({
      status: "accepted", versionId: version.id, sectionKey: "data", kind: "replace", proposedText: "Developers release the training data.", baseText: "Developers describe the training data in detail.\n\nThe data itself is optional.",
    });
    // The losing amendment on another section is left undecided.
    expect((await db.amendment.findUniqueOrThrow({ where: { id: onCode } })).status).not.toBe("accepted");
  });
});

describe("a ballot that opens later", () => {
  it("shows as scheduled, refuses votes until it opens (nothing written), then opens and tells the followers once", async () => {
    const setup = await makeAmendableDefinition();
    const { version, maintainer, definition } = setup;
    const follower = await makeUser();
    const unfollowed = await makeUser();
    await db.follow.createMany({ data: [{ userId: follower.id, definitionId: definition.id, token: randomUUID() }, { userId: maintainer.id, definitionId: definition.id, token: randomUUID() }] });
    const input: OpenBallotInput = {
      versionId: version.id, sectionKey: "data", title: "Data, next week", days: 7, opensAt: "2026-03-05T00:00",
      options: [{ label: "Describe", text: "Developers describe the data." }, { label: "Release", text: "Developers release the data." }],
    };
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: { ...input, opensAt: "next week" }, now: CREATED }), "bad_input", /"next week" is not a date and time/);
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: { ...input, opensAt: "2026-02-01T00:00" }, now: CREATED }), "bad_input", /opening time February 1, 2026 at 12:00 AM UTC has passed/);
    await expectBallotRefusedWithoutWriting(() => openBallot({ actor: maintainer, input: { ...input, opensAt: "2026-09-01T00:00" }, now: CREATED }), "bad_input", /at most 90 days ahead/);

    const { ballotId, opensAt, closesAt } = await openBallot({ actor: maintainer, input, now: CREATED });
    expect([opensAt, closesAt]).toEqual([OPENS, new Date("2026-03-12T00:00:00Z")]);
    expect(await db.notification.count({ where: { kind: "ballot", url: { contains: ballotId } } })).toBe(0);
    const [a] = (await db.ballotOption.findMany({ where: { ballotId }, orderBy: { position: "asc" } })).map((o) => o.id);

    expect((await getBallot({ actor: null, input: { ballotId }, now: BEFORE })).status).toBe("scheduled");
    expect(ballotOutput.parse(await getBallot({ actor: null, input: { ballotId }, now: BEFORE })).status).toBe("scheduled");
    expect((await listBallots({ slug: definition.slug, now: BEFORE })).ballots).toMatchObject([{ id: ballotId, status: "scheduled" }]);
    await expectBallotRefusedWithoutWriting(() => castBallot({ actor: unfollowed, input: { ballotId, ranks: { [a]: 1 } }, now: BEFORE }), "closed", /scheduled: voting opens on March 5, 2026 at 12:00 AM UTC/);
    expect(await db.notification.count({ where: { kind: "ballot", url: { contains: ballotId } } })).toBe(0);

    // The first vote after the opening time announces it (nobody read it before), once.
    await castBallot({ actor: unfollowed, input: { ballotId, ranks: { [a]: 1 } }, now: DURING });
    expect((await getBallot({ actor: null, input: { ballotId }, now: DURING })).status).toBe("open");
    await castBallot({ actor: follower, input: { ballotId, ranks: { [a]: 1 } }, now: DURING });
    const told = await db.notification.findMany({ where: { kind: "ballot", url: { contains: ballotId } } });
    // The maintainer who opened it is not told about their own ballot.
    expect(told.map((n) => [n.userId, n.url])).toEqual([[follower.id, `/d/${definition.slug}/ballots/${ballotId}`]]);
    expect(told[0].text).toMatch(/^Ballot open on .*: "Data, next week" \(until March 12, 2026 at 12:00 AM UTC\)$/);
  });

  it("tells the followers when a ballot is opened now and when it closes, with the result", async () => {
    const { version, maintainer, definition } = await makeAmendableDefinition();
    const [follower, other] = await Promise.all([makeUser(), makeUser()]);
    const suspended = await makeUser({ suspendedAt: new Date("2025-01-01T00:00:00Z") });
    await db.follow.createMany({ data: [follower, suspended, maintainer].map((u) => ({ userId: u.id, definitionId: definition.id, token: randomUUID() })) });
    const { ballotId } = await openBallot({
      actor: maintainer,
      input: { versionId: version.id, sectionKey: "data", title: "Data", days: 7, options: [{ label: "Describe", text: "Describe it." }, { label: "Release", text: "Release it." }] },
      now: CREATED,
    });
    const [, release] = (await db.ballotOption.findMany({ where: { ballotId }, orderBy: { position: "asc" } })).map((o) => o.id);
    await castBallot({ actor: other, input: { ballotId, ranks: { [release]: 1 } }, now: CREATED });
    await getBallot({ actor: null, input: { ballotId }, now: AFTER }); // closes by time
    await getBallot({ actor: null, input: { ballotId }, now: AFTER }); // already closed: told once
    const told = (await db.notification.findMany({ where: { kind: "ballot", url: { contains: ballotId } } })).map((n) => `${n.userId} ${n.text}`).sort();
    expect(told).toEqual([
      `${follower.id} Ballot open on ${definition.title}: "Data" (until March 8, 2026 at 12:00 AM UTC)`,
      // Closed by time, by nobody: the maintainer who follows is told too.
      `${follower.id} Ballot closed on ${definition.title}: "Data": "Release" won`,
      `${maintainer.id} Ballot closed on ${definition.title}: "Data": "Release" won`,
    ].sort());
  });
});

describe("a vote racing the close", () => {
  it("is counted in the stored result or refused with a clear error, never stored uncounted", async () => {
    const { version, maintainer } = await makeAmendableDefinition();
    const { ballotId } = await openBallot({
      actor: maintainer,
      input: { versionId: version.id, sectionKey: "data", title: "Race", days: 7, options: [{ label: "A", text: "A." }, { label: "B", text: "B." }] },
      now: CREATED,
    });
    const options = await db.ballotOption.findMany({ where: { ballotId }, orderBy: { position: "asc" } });
    const ids = options.map((o) => o.id);
    const voters = await makeVoters(80);
    const vote = (actor: Actor, i: number) => castBallot({ actor, input: { ballotId, ranks: { [ids[i % 3]]: 1, [ids[(i + 1) % 3]]: 2 } }, now: DURING });
    // Votes start a few milliseconds apart and the close starts halfway, so some
    // are in flight on either side of it (read the ballot open, write after).
    const votes: Promise<PromiseSettledResult<unknown>>[] = [];
    let closing: Promise<unknown> | undefined;
    for (const [i, voter] of voters.entries()) {
      if (i === 40) closing = closeBallot({ actor: maintainer, input: { ballotId }, now: DURING });
      // Settled at once, so a refusal is never an unhandled rejection while the loop waits.
      votes.push(vote(voter, i).then((value) => ({ status: "fulfilled", value }) as const, (reason: unknown) => ({ status: "rejected", reason }) as const));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const [settled, closed] = await Promise.all([Promise.all(votes), closing]);
    expect(closed).toEqual({ ballotId });

    const refused = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as AppError] : []));
    for (const error of refused) expect([error.code, error.message]).toEqual(["closed", expect.stringMatching(/^This ballot closed (a moment ago|on March 6, 2026)/)]);
    const acknowledged = voters.filter((_, i) => settled[i].status === "fulfilled").map((v) => v.id).sort();
    const rows = await db.ballotVote.findMany({ where: { ballotId }, orderBy: { userId: "asc" } });
    expect(rows.map((r) => r.userId)).toEqual(acknowledged);
    const ballot = await db.ballot.findUniqueOrThrow({ where: { id: ballotId } });
    const result = JSON.parse(ballot.result!);
    expect(result.voters).toBe(rows.length);
    // The stored count is the count of exactly the stored ballots.
    expect(result).toEqual(JSON.parse(JSON.stringify(countRankings({ options: options.map((o) => ({ key: o.id, majority: o.majority })), defaultOption: ids[2], quorum: 0, rankings: rows.map((r) => JSON.parse(r.ranks)) }))));
    expect(acknowledged.length + refused.length).toBe(80);
    // The close landed among the votes: some were counted, some refused.
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
  });
});
