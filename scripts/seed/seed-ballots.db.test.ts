import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedFoundation } from "@/scripts/testing/publishing-fixtures";
import { seedBallots } from "@/scripts/seed/seed-ballots";
import { listBallots } from "@/lib/ballots/list-ballots";
import { getBallot } from "@/lib/ballots/get-ballot";

describe("seedBallots", () => {
  it("opens a closed ballot, where the compromise text wins, and an open secret one; once", async () => {
    const actors = await seedFoundation(["debian-gr"]);
    expect(await seedBallots(actors)).toBe(2);
    const { ballots } = await listBallots({ slug: "debian-gr" });
    expect(ballots.map((b) => [b.status, b.secret, b.voters])).toEqual([["open", true, 3], ["closed", false, 8]]);
    const closed = await getBallot({ actor: null, input: { ballotId: ballots[1].id } });
    // Most first preferences go to the strictest text, but the compromise beats every option pairwise.
    expect(ballots[1].winner).toBe("Data where it may be shared, otherwise a description");
    expect(closed.result!.rounds).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: { startsWith: "ballot." } } })).toBe(3);

    expect(await seedBallots(actors)).toBe(0);
    expect(await db.ballot.count()).toBe(2);
  });
});
