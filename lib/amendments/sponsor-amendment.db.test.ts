import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { db } from "@/lib/db";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { makeUser } from "@/scripts/testing/fixtures";
import { makeAmendableDefinition, replaceDataInput } from "@/scripts/testing/amendment-fixtures";

async function proposed(settings: Parameters<typeof makeAmendableDefinition>[0] = {}) {
  const setup = await makeAmendableDefinition(settings);
  const amendment = await proposeAmendment({ actor: setup.author, input: replaceDataInput(setup.version.id) });
  return { ...setup, amendmentId: amendment.id };
}

describe("sponsorAmendment", () => {
  it("stays seeking until the K-th sponsor other than the author, who opens the vote for voteWindowDays", async () => {
    const { amendmentId } = await proposed({ sponsorsRequired: 3, voteWindowDays: 10 });
    const [a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const first = await sponsorAmendment({ actor: a, input: { amendmentId } });
    expect(first).toMatchObject({ sponsors: 1, sponsorsRequired: 3, opened: false, status: "seeking", votingClosesAt: null });
    await sponsorAmendment({ actor: b, input: { amendmentId } });
    expect((await db.amendment.findUniqueOrThrow({ where: { id: amendmentId } })).status).toBe("seeking");

    const now = new Date("2025-05-01T08:00:00Z");
    const third = await sponsorAmendment({ actor: c, input: { amendmentId }, now });
    expect(third).toMatchObject({ sponsors: 3, opened: true, status: "voting", votingClosesAt: new Date("2025-05-11T08:00:00Z") });
    expect(await db.amendment.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({
      status: "voting",
      votingOpensAt: now,
      votingClosesAt: new Date("2025-05-11T08:00:00Z"),
    });
  });

  it("is idempotent: sponsoring twice keeps one sponsorship and is no error, even after the vote opened", async () => {
    const { amendmentId } = await proposed({ sponsorsRequired: 2 });
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    await sponsorAmendment({ actor: a, input: { amendmentId } });
    const again = await sponsorAmendment({ actor: a, input: { amendmentId } });
    expect(again).toMatchObject({ sponsors: 1, opened: false, status: "seeking" });
    await sponsorAmendment({ actor: b, input: { amendmentId } });
    const afterOpening = await sponsorAmendment({ actor: a, input: { amendmentId } });
    expect(afterOpening).toMatchObject({ sponsors: 2, opened: false, status: "voting" });
    expect(await db.sponsorship.count({ where: { amendmentId } })).toBe(2);
  });

  it("refuses the author, writing nothing", async () => {
    const { amendmentId, author } = await proposed();
    await expectRefusedWithoutWriting(() => sponsorAmendment({ actor: author, input: { amendmentId } }), "forbidden", /needs sponsors other than you/);
  });

  it("refuses a suspended member, an unknown amendment and a hidden one, writing nothing", async () => {
    const { amendmentId } = await proposed();
    const suspended = await makeUser({ suspendedAt: new Date() });
    await expectRefusedWithoutWriting(() => sponsorAmendment({ actor: suspended, input: { amendmentId } }), "forbidden", /suspended/);
    const member = await makeUser();
    await expectRefusedWithoutWriting(() => sponsorAmendment({ actor: member, input: { amendmentId: "nope" } }), "not_found");
    await db.amendment.update({ where: { id: amendmentId }, data: { hiddenAt: new Date() } });
    await expectRefusedWithoutWriting(() => sponsorAmendment({ actor: member, input: { amendmentId } }), "forbidden", /hid/);
  });

  it("refuses a new sponsor once the vote is open or the amendment is withdrawn, writing nothing", async () => {
    const { amendmentId, author } = await proposed({ sponsorsRequired: 1 });
    await sponsorAmendment({ actor: await makeUser(), input: { amendmentId } });
    const late = await makeUser();
    await expectRefusedWithoutWriting(() => sponsorAmendment({ actor: late, input: { amendmentId } }), "closed", /vote is open: vote on it instead/);
    await withdrawAmendment({ actor: author, input: { amendmentId } });
    await expectRefusedWithoutWriting(() => sponsorAmendment({ actor: late, input: { amendmentId } }), "closed", /withdrew/);
  });

  it("opens the vote exactly once when many sponsor at once, and never misses the K-th", async () => {
    // K sponsors arriving together: each must see the others' sponsorships, or
    // every one of them counts fewer than K and the vote never opens.
    for (const [required, arriving] of [
      [2, 2],
      [3, 3],
      [3, 8],
    ] as const) {
      const { amendmentId } = await proposed({ sponsorsRequired: required });
      const sponsors = await Promise.all(Array.from({ length: arriving }, () => makeUser()));
      const results = await Promise.allSettled(sponsors.map((actor) => sponsorAmendment({ actor, input: { amendmentId } })));
      const fulfilled = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
      // Latecomers after the K-th are told the vote is open; nothing else goes wrong.
      for (const error of refused) expect(error.message).toMatch(/vote is open/);
      expect(fulfilled.filter((r) => r.opened)).toHaveLength(1);
      expect(await db.sponsorship.count({ where: { amendmentId } })).toBe(required);
      expect(fulfilled).toHaveLength(required);
      expect((await db.amendment.findUniqueOrThrow({ where: { id: amendmentId } })).status).toBe("voting");
    }
  });

  it("keeps one sponsorship when the same member sponsors twice at once", async () => {
    const { amendmentId } = await proposed({ sponsorsRequired: 3 });
    const member = await makeUser();
    const results = await Promise.all([1, 2, 3].map(() => sponsorAmendment({ actor: member, input: { amendmentId } })));
    expect(results.map((r) => r.sponsors)).toEqual([1, 1, 1]);
    expect(await db.sponsorship.count({ where: { amendmentId } })).toBe(1);
  });
});
