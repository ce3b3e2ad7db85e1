import "@/scripts/testing/require-test-database";
import { afterEach, describe, expect, it } from "vitest";
import { expectRefused } from "@/scripts/testing/expect-refused";
import { db, queryCounter } from "@/lib/db";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { listAmendments } from "@/lib/amendments/list-amendments";
import { countOpenAmendmentsBySection } from "@/lib/amendments/count-open-amendments-by-section";
import { HIDDEN_NOTICE } from "@/lib/amendments/get-amendment.schema";
import { castVote } from "@/scripts/testing/cast-vote";
import { makeUser, makeVersion, type TestUser } from "@/scripts/testing/fixtures";
import { makeAmendableDefinition, replaceDataInput, SECTIONS } from "@/scripts/testing/amendment-fixtures";

afterEach(() => {
  delete process.env.AMENDMENT_PROPOSALS_PER_HOUR;
});

/** A definition with three amendments in voting whose support is known, proposed a minute apart. */
async function votedAmendments() {
  const setup = await makeAmendableDefinition({ sponsorsRequired: 1 });
  const start = new Date();
  const sponsor = await makeUser();
  const voters: TestUser[] = await Promise.all(Array.from({ length: 4 }, () => makeUser()));
  const make = async (title: string, minutes: number, choices: ("for" | "against" | "abstain")[]) => {
    const { id } = await proposeAmendment({
      actor: setup.author,
      input: replaceDataInput(setup.version.id, { title }),
      now: new Date(start.getTime() - 600_000 + minutes * 60_000),
    });
    await sponsorAmendment({ actor: sponsor, input: { amendmentId: id } });
    for (const [i, choice] of choices.entries()) await castVote({ actor: voters[i], input: { amendmentId: id, choice } });
    return id;
  };
  // support: oldest +2, middle -1, newest 0
  const oldest = await make("Oldest", 1, ["for", "for", "abstain"]);
  const middle = await make("Middle", 2, ["for", "against", "against"]);
  const newest = await make("Newest", 3, ["abstain"]);
  return { ...setup, oldest, middle, newest };
}

describe("listAmendments", () => {
  it("lists a definition's amendments newest first, with author, sponsors, tally and support", async () => {
    const { definition, author, oldest, middle, newest } = await votedAmendments();
    const list = await listAmendments({ input: { slug: definition.slug } });
    expect(list.definition).toEqual({ slug: definition.slug, title: definition.title, voteVisibility: "public" });
    expect(list.amendments.map((a) => a.id)).toEqual([newest, middle, oldest]);
    expect(list.amendments[2]).toMatchObject({
      title: "Oldest",
      status: "voting",
      kind: "replace",
      sectionKey: "data",
      baseVersion: "1.0",
      author: { handle: author.handle, name: author.name },
      sponsors: 1,
      sponsorsRequired: 1,
      tally: { for: 2, against: 0, abstain: 1 },
      support: 2,
      decision: null,
    });
  });

  it("sorts by support (for minus against), ties newest first", async () => {
    const { definition, version, author, oldest, middle, newest } = await votedAmendments();
    const tied = await proposeAmendment({ actor: author, input: replaceDataInput(version.id, { title: "Tied with newest" }) });
    const list = await listAmendments({ input: { slug: definition.slug, sort: "support" } });
    expect(list.amendments.map((a) => [a.id, a.support])).toEqual([
      [oldest, 2],
      [tied.id, 0],
      [newest, 0],
      [middle, -1],
    ]);
  });

  it("filters by status (one, several, or open) and by section", async () => {
    const { definition, version, author, oldest } = await votedAmendments();
    const seeking = await proposeAmendment({ actor: author, input: replaceDataInput(version.id, { sectionKey: "code", proposedText: "Code too." }) });
    const withdrawn = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    await withdrawAmendment({ actor: author, input: { amendmentId: withdrawn.id } });
    const ids = async (input: Record<string, unknown>) => (await listAmendments({ input: { slug: definition.slug, ...input } })).amendments.map((a) => a.id);
    expect(await ids({ status: "seeking" })).toEqual([seeking.id]);
    expect(await ids({ status: "withdrawn" })).toEqual([withdrawn.id]);
    expect((await ids({ status: "seeking,voting" })).length).toBe(4);
    expect((await ids({ status: "open" })).length).toBe(4);
    expect((await ids({ status: ["withdrawn", "seeking"] })).sort()).toEqual([seeking.id, withdrawn.id].sort());
    expect(await ids({ sectionKey: "code" })).toEqual([seeking.id]);
    expect(await ids({ sectionKey: "data", status: "voting", sort: "support" })).toContain(oldest);
    await expectRefused(listAmendments({ input: { slug: definition.slug, status: "pending" } }), "bad_input", /status is one or more of/);
    await expectRefused(listAmendments({ input: { slug: definition.slug, sort: "popular" } as never }), "bad_input", /sort is "recent" or "support"/);
  });

  it("closes expired votes before listing, and lists hidden amendments with a notice", async () => {
    const { definition, oldest, middle } = await votedAmendments();
    await db.amendment.update({ where: { id: middle }, data: { hiddenAt: new Date() } });
    const later = new Date(Date.now() + 15 * 86_400_000);
    const list = await listAmendments({ input: { slug: definition.slug }, now: later });
    expect(list.amendments.every((a) => a.status === "closed")).toBe(true);
    expect(list.amendments.find((a) => a.id === middle)).toMatchObject({ hidden: true, title: HIDDEN_NOTICE });
    expect(list.amendments.find((a) => a.id === oldest)).toMatchObject({ hidden: false, title: "Oldest" });
  });

  it("answers not found for an unknown definition", async () => {
    await expectRefused(listAmendments({ input: { slug: "no-such-definition" } }), "not_found", /no definition "no-such-definition"/);
  });

  it("uses the same number of queries for 3 amendments as for 30 with many votes", async () => {
    process.env.AMENDMENT_PROPOSALS_PER_HOUR = "0";
    const small = await votedAmendments();
    const large = await makeAmendableDefinition({ sponsorsRequired: 0 });
    const voters = await Promise.all(Array.from({ length: 5 }, () => makeUser()));
    for (let i = 0; i < 30; i++) {
      const { id } = await proposeAmendment({ actor: large.author, input: replaceDataInput(large.version.id, { title: `A${i}` }) });
      for (const voter of voters) await castVote({ actor: voter, input: { amendmentId: id, choice: i % 2 ? "for" : "against" } });
    }
    const count = async (slug: string) => {
      const before = queryCounter.count;
      await listAmendments({ input: { slug, sort: "support" } });
      return queryCounter.count - before;
    };
    const [few, many] = [await count(small.definition.slug), await count(large.definition.slug)];
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  }, 120_000);
});

describe("countOpenAmendmentsBySection", () => {
  it("counts open amendments (seeking or voting, not hidden) per section key of the current version", async () => {
    const { version, author, definition } = await makeAmendableDefinition({ sponsorsRequired: 1 });
    const propose = (sectionKey: string) => proposeAmendment({ actor: author, input: replaceDataInput(version.id, { sectionKey, proposedText: `New ${sectionKey}.` }) });
    await propose("data");
    const voting = await propose("data");
    await sponsorAmendment({ actor: await makeUser(), input: { amendmentId: voting.id } });
    await propose("code");
    const withdrawn = await propose("code");
    await withdrawAmendment({ actor: author, input: { amendmentId: withdrawn.id } });
    const hidden = await propose("preamble");
    await db.amendment.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const other = await makeAmendableDefinition();
    await proposeAmendment({ actor: other.author, input: replaceDataInput(other.version.id) });

    const before = queryCounter.count;
    const counts = await countOpenAmendmentsBySection({ versionId: version.id });
    expect(queryCounter.count - before).toBe(1);
    expect(Object.fromEntries(counts)).toEqual({ data: 2, code: 1 });

    // After a new version: amendments on unchanged sections still count on it;
    // the superseded version shows only what was written against it.
    await db.version.update({ where: { id: version.id }, data: { status: "superseded" } });
    const v2 = await makeVersion({ definitionId: definition.id, number: 2, label: "2.0", sections: SECTIONS });
    expect(Object.fromEntries(await countOpenAmendmentsBySection({ versionId: v2.id }))).toEqual({ data: 2, code: 1 });
    expect(Object.fromEntries(await countOpenAmendmentsBySection({ versionId: version.id }))).toEqual({ data: 2, code: 1 });
    expect((await countOpenAmendmentsBySection({ versionId: "nope" })).size).toBe(0);
    // Once the vote window has passed, the voting one no longer counts.
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(Object.fromEntries(await countOpenAmendmentsBySection({ versionId: v2.id, now: later }))).toEqual({ data: 1, code: 1 });
  });
});
