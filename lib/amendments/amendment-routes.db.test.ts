import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as getAmendmentRoute } from "@/app/api/v1/amendments/[id]/route";
import { GET as listAmendmentsRoute } from "@/app/api/v1/definitions/[slug]/amendments/route";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { HIDDEN_NOTICE } from "@/lib/amendments/get-amendment.schema";
import { castVote } from "@/scripts/testing/cast-vote";
import { makeUser } from "@/scripts/testing/fixtures";
import { makeAmendableDefinition, makeVotingAmendment, replaceDataInput } from "@/scripts/testing/amendment-fixtures";

function callDetail(id: string) {
  return getAmendmentRoute(new Request(`http://localhost:3000/api/v1/amendments/${id}`), { params: Promise.resolve({ id }) });
}

function callList(slug: string, query = "") {
  return listAmendmentsRoute(new Request(`http://localhost:3000/api/v1/definitions/${slug}/amendments${query}`), { params: Promise.resolve({ slug }) });
}

const DETAIL_KEYS = ["author", "baseVersion", "decision", "id", "kind", "proposedText", "rationale", "sectionKey", "sponsors", "status", "tally", "title", "votes"];

describe("GET /api/v1/amendments/{id}", () => {
  it("answers exactly the documented fields, with public votes as handle and choice", async () => {
    const { amendmentId, author } = await makeVotingAmendment();
    const voter = await makeUser();
    await castVote({ actor: voter, input: { amendmentId, choice: "against" } });
    const response = await callDetail(amendmentId);
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(Object.keys(json).sort()).toEqual(DETAIL_KEYS);
    expect(json).toEqual({
      id: amendmentId,
      title: "Require the training data",
      status: "voting",
      sectionKey: "data",
      baseVersion: "1.0",
      kind: "replace",
      proposedText: replaceDataInput("").proposedText,
      rationale: "A description cannot be audited the way data can.",
      author: { handle: author.handle, name: author.name },
      sponsors: 2,
      tally: { for: 0, against: 1, abstain: 0 },
      votes: [{ handle: voter.handle, choice: "against" }],
      decision: null,
    });
    expect(JSON.stringify(json)).not.toMatch(/email|authorId|userId|hiddenAt|baseText/);
  });

  it("gives the decision with its reason, who decided and when", async () => {
    const opened = new Date("2025-06-01T00:00:00Z");
    const { amendmentId, maintainer } = await makeVotingAmendment({}, opened);
    await decideAmendment({ actor: maintainer, input: { amendmentId, outcome: "rejected", reason: "Not this way." }, now: new Date("2025-07-01T00:00:00Z") });
    const json = await (await callDetail(amendmentId)).json();
    expect(json.status).toBe("rejected");
    expect(json.decision).toEqual({ outcome: "rejected", reason: "Not this way.", by: { handle: maintainer.handle, name: maintainer.name }, at: "2025-07-01T00:00:00.000Z" });
  });

  it("lists no votes when the definition's votes are secret, only the tally", async () => {
    const { amendmentId } = await makeVotingAmendment({ voteVisibility: "secret" });
    const voter = await makeUser();
    await castVote({ actor: voter, input: { amendmentId, choice: "for" } });
    const json = await (await callDetail(amendmentId)).json();
    expect(json.votes).toEqual([]);
    expect(json.tally).toEqual({ for: 1, against: 0, abstain: 0 });
    expect(JSON.stringify(json)).not.toContain(voter.handle);
  });

  it("replaces a hidden amendment's title, rationale and text with a notice", async () => {
    const { amendmentId } = await makeVotingAmendment();
    await db.amendment.update({ where: { id: amendmentId }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    const json = await (await callDetail(amendmentId)).json();
    expect(json).toMatchObject({ title: HIDDEN_NOTICE, rationale: HIDDEN_NOTICE, proposedText: "", status: "voting" });
    expect(JSON.stringify(json)).not.toMatch(/Require the training data|spam/);
  });

  it("answers 404 JSON for an unknown amendment", async () => {
    const response = await callDetail("no-such-amendment");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "This amendment does not exist." } });
  });
});

describe("GET /api/v1/definitions/{slug}/amendments", () => {
  it("lists the amendments with the documented fields, filtered by status", async () => {
    const { definition, version, author, maintainer } = await makeAmendableDefinition();
    const seeking = await proposeAmendment({ actor: author, input: replaceDataInput(version.id) });
    const response = await callList(definition.slug);
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(Object.keys(json)).toEqual(["amendments"]);
    expect(json.amendments).toHaveLength(1);
    expect(Object.keys(json.amendments[0]).sort()).toEqual(
      ["author", "baseVersion", "createdAt", "decision", "id", "kind", "sectionKey", "sponsors", "status", "tally", "title", "votingClosesAt"].sort(),
    );
    expect(json.amendments[0]).toMatchObject({ id: seeking.id, status: "seeking", sponsors: 0, tally: { for: 0, against: 0, abstain: 0 }, votingClosesAt: null, decision: null });
    expect(JSON.stringify(json)).not.toMatch(/email|authorId|maintainer/);
    expect(JSON.stringify(json)).not.toContain(maintainer.handle);

    expect((await (await callList(definition.slug, "?status=voting")).json()).amendments).toEqual([]);
    expect((await (await callList(definition.slug, "?status=open&section=data&sort=support")).json()).amendments).toHaveLength(1);
  });

  it("answers 400 for a bad status or sort and 404 for an unknown definition, as JSON", async () => {
    const { definition } = await makeAmendableDefinition();
    const bad = await callList(definition.slug, "?status=pending");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/status is one or more of: open, seeking/);
    expect((await callList(definition.slug, "?sort=popular")).status).toBe(400);
    const unknown = await callList("no-such-definition");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
  });
});
