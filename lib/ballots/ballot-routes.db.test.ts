import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as listRoute } from "@/app/api/v1/definitions/[slug]/ballots/route";
import { GET as detailRoute } from "@/app/api/v1/ballots/[id]/route";
import { GET as tallyCsvRoute } from "@/app/api/v1/ballots/[id]/tally.csv/route";
import { GET as tallyJsonRoute } from "@/app/api/v1/ballots/[id]/tally.json/route";
import { makeAmendableDefinition } from "@/scripts/testing/amendment-fixtures";
import { makeUser } from "@/scripts/testing/fixtures";
import { openBallot } from "@/lib/ballots/open-ballot";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { closeBallot } from "@/lib/ballots/close-ballot";
import { recount } from "@/scripts/recount";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own params
const call = (route: (request: Request, context: any) => Promise<Response>, path: string, params: Record<string, string>) =>
  route(new Request(`http://localhost:3000${path}`), { params: Promise.resolve(params) });

/** A closed ballot of three options and the default, with six members' rankings (one secret if asked). */
async function closedBallot({ secret = false } = {}) {
  const { definition, version, maintainer } = await makeAmendableDefinition();
  const options = ["Describe", "Release", "Sample"].map((label) => ({ label, text: `${label} the training data.` }));
  const { ballotId } = await openBallot({ actor: maintainer, input: { versionId: version.id, sectionKey: "data", title: "Data", days: 7, secret, options } });
  const [d, r, s, none] = (await db.ballotOption.findMany({ where: { ballotId }, orderBy: { position: "asc" } })).map((o) => o.id);
  const rankings = [{ [r]: 1, [d]: 2 }, { [r]: 1, [s]: 2, [d]: 3 }, { [d]: 1, [s]: 2 }, { [s]: 1, [r]: 2 }, { [none]: 1, [d]: 2 }, { [d]: 1, [r]: 1 }];
  const voters = await Promise.all(rankings.map(() => makeUser()));
  for (const [i, ranks] of rankings.entries()) await castBallot({ actor: voters[i], input: { ballotId, ranks } });
  return { definition, maintainer, ballotId, voters, ids: { d, r, s, none } };
}

describe("ballot API and recount", () => {
  it("answers the documented fields, no tally while open, and the recount of tally.csv equals GET /api/v1/ballots/{id}", async () => {
    const { definition, maintainer, ballotId, voters } = await closedBallot();
    const early = await call(tallyCsvRoute, `/api/v1/ballots/${ballotId}/tally.csv`, { id: ballotId });
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toMatch(/published when the ballot closes/);
    const open = await (await call(detailRoute, `/api/v1/ballots/${ballotId}`, { id: ballotId })).json();
    expect(open).toMatchObject({ status: "open", voters: 6, result: null });

    await closeBallot({ actor: maintainer, input: { ballotId } });
    const detail = await call(detailRoute, `/api/v1/ballots/${ballotId}`, { id: ballotId });
    expect(detail.status).toBe(200);
    const json = await detail.json();
    expect(Object.keys(json).sort()).toEqual(["acceptedAmendmentId", "castingVoteBy", "closedAt", "closesAt", "definition", "id", "opensAt", "options", "quorum", "quorumRule", "result", "scope", "secret", "section", "status", "title", "versionLabel", "voters", "winnerOptionId"]);
    expect(JSON.stringify(json)).not.toMatch(new RegExp(voters.map((v) => v.id).join("|")));

    const csv = await call(tallyCsvRoute, `/api/v1/ballots/${ballotId}/tally.csv`, { id: ballotId });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text.split("\n").filter((l) => l && !l.startsWith("#"))).toHaveLength(7);
    const recounted = recount(text);
    expect(recounted.result).toEqual(json.result);
    expect(recounted.report).toContain(`Winner: ${json.options.find((o: { id: string }) => o.id === json.winnerOptionId).label}`);
    const sheet = await (await call(tallyJsonRoute, `/api/v1/ballots/${ballotId}/tally.json`, { id: ballotId })).json();
    expect(sheet.rows.map((r: { voter: string }) => r.voter).sort()).toEqual(voters.map((v) => v.handle).sort());

    const list = await (await call(listRoute, `/api/v1/definitions/${definition.slug}/ballots`, { slug: definition.slug })).json();
    expect(list.ballots).toEqual([expect.objectContaining({ id: ballotId, status: "closed", voters: 6, winner: recounted.report.match(/Winner: (.*)/)![1] })]);
    expect((await call(detailRoute, "/api/v1/ballots/nope", { id: "nope" })).status).toBe(404);
  });

  it("puts receipts, not handles, on a secret ballot's sheet", async () => {
    const { maintainer, ballotId, voters } = await closedBallot({ secret: true });
    await closeBallot({ actor: maintainer, input: { ballotId } });
    const text = await (await call(tallyCsvRoute, `/api/v1/ballots/${ballotId}/tally.csv`, { id: ballotId })).text();
    for (const v of voters) expect(text).not.toContain(v.handle);
    const receipts = (await db.ballotVote.findMany({ where: { ballotId }, select: { receipt: true } })).map((r) => r.receipt);
    expect(recount(text).sheet.rows.map((r) => r.voter).sort()).toEqual(receipts.sort());
  });
});
