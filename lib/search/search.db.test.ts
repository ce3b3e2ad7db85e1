import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, queryCounter } from "@/lib/db";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { hideContent } from "@/lib/moderation/hide-content";
import { restoreContent } from "@/lib/moderation/restore-content";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { reviseAmendment } from "@/lib/amendments/revise-amendment";
import { SEARCH_RANK_WINDOW, searchContent } from "@/lib/search/search-content";
import type { SearchContentInput } from "@/lib/search/search-content.schema";
import { publishVersion } from "@/scripts/seed/publish-version";
import { makeDiscussion, makeUser } from "@/scripts/testing/fixtures";
import { makePublishedDefinition } from "@/scripts/testing/publishing-fixtures";
import { makeAmendableDefinition, replaceDataInput } from "@/scripts/testing/amendment-fixtures";
import { expectRefused } from "@/scripts/testing/expect-refused";
import { makeSystem } from "@/scripts/testing/systems-fixtures";
import { proposeCorrection } from "@/lib/systems/propose-correction";
import { decideCorrection } from "@/lib/systems/decide-correction";
import { databaseTarget } from "@/lib/db/migrations";
import { loadWordShares, wordShares, type WordShares } from "@/lib/search/word-shares";

/** Statistics by which every word is rare: PostgreSQL reads the GIN index's matches at once. */
const EVERY_WORD_RARE: WordShares = { listed: new Map(), unlisted: 0 };

async function found(input: SearchContentInput): Promise<string[]> {
  return (await searchContent({ input })).results.map((r) => r.id);
}

describe("the search index follows every write, in the same transaction", () => {
  it("comments: found once posted, by the new words once edited, never once deleted", async () => {
    const { author, definition, version } = await makeDiscussion();
    const slug = definition.slug;
    const comment = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "data", body: "The **provenance** of weights matters" } });
    expect(await found({ q: "provenance weights", definition: slug })).toEqual([comment.id]);

    await editComment({ actor: author, input: { commentId: comment.id, body: "Lineage is what matters" }, now: new Date(Date.now() + 1000) });
    expect(await found({ q: "lineage", definition: slug })).toEqual([comment.id]);
    expect(await found({ q: "provenance", definition: slug })).toEqual([]);

    await deleteComment({ actor: author, input: { commentId: comment.id } });
    expect(await found({ q: "lineage", definition: slug })).toEqual([]);
    expect(await db.searchDocument.count({ where: { sourceId: comment.id } })).toBe(0);
  });

  it("a hidden comment or amendment is not found; restored, it is found again", async () => {
    const { definition, version, author } = await makeAmendableDefinition();
    const moderator = await makeUser({ role: "moderator" });
    const slug = definition.slug;
    const comment = await createComment({ actor: author, input: { versionId: version.id, body: "Spam about zeppelins" } });
    const amendment = await proposeAmendment({ actor: author, input: replaceDataInput(version.id, { title: "Zeppelins everywhere" }) });
    expect((await found({ q: "zeppelins", definition: slug })).sort()).toEqual([comment.id, amendment.id].sort());

    for (const [targetType, targetId] of [["comment", comment.id], ["amendment", amendment.id]] as const) {
      await hideContent({ actor: moderator, input: { targetType, targetId, reason: "Off topic" } });
    }
    expect(await found({ q: "zeppelins", definition: slug })).toEqual([]);

    await restoreContent({ actor: moderator, input: { targetType: "comment", targetId: comment.id } });
    expect(await found({ q: "zeppelins", definition: slug })).toEqual([comment.id]);
  });

  it("amendments: found by title, rationale and proposed text, by the new words once revised", async () => {
    const { definition, version, author } = await makeAmendableDefinition();
    const slug = definition.slug;
    const amendment = await proposeAmendment({ actor: author, input: replaceDataInput(version.id, { rationale: "Auditors need *checksums*." }) });
    expect(await found({ q: "checksums auditors", definition: slug, kind: "amendment" })).toEqual([amendment.id]);
    expect(await found({ q: '"open licence"', definition: slug, kind: "amendment" })).toEqual([amendment.id]);

    await reviseAmendment({
      actor: author,
      input: { amendmentId: amendment.id, revision: 1, title: "Require the data", rationale: "Reproducibility needs it.", proposedText: "The data itself is published." },
    });
    expect(await found({ q: "reproducibility", definition: slug })).toEqual([amendment.id]);
    expect(await found({ q: "checksums", definition: slug })).toEqual([]);
  });

  it("a published version's sections are found; a refused publish indexes nothing", async () => {
    const { definition, version, maintainer } = await makePublishedDefinition();
    const body = "## Preamble\n\nOpen AI is AI that anyone may use.\n\n## Weights\n\nThe *parameters* are published.\n";
    const v2 = await publishVersion({ actor: maintainer, input: { definitionId: definition.id, baseVersionId: version.id, label: "2.0", body, changelog: "Weights." } });
    const results = (await searchContent({ input: { q: "parameters", definition: definition.slug } })).results;
    expect(results).toMatchObject([{ kind: "section", version: "2.0", title: "Weights", path: `/d/${definition.slug}/v/2.0#s-${results[0].section!.key}` }]);

    const before = await db.searchDocument.count();
    await expectRefused(
      publishVersion({ actor: maintainer, input: { definitionId: definition.id, baseVersionId: version.id, label: "3.0", body: "## Gizmos\n\nGizmos.\n", changelog: "Stale base." } }),
      "conflict",
    );
    expect(await db.searchDocument.count()).toBe(before);
    expect(v2.label).toBe("2.0");
  });
});

describe("query syntax: the same results on both engines", () => {
  // Each comment is named by its first word; the table lists the names each query finds.
  const CORPUS = [
    "alpha: Open weights are not open source.",
    "bravo: The training data must be open.",
    "charlie: Weights without data cannot be studied.",
    "delta: Open-source code, closed data.",
    "echo: Les données d'entraînement sont ouvertes.",
    "foxtrot: Λόγος and code and weights",
    "golf: NEAR the data * OR weights",
  ];
  const TABLE: [string, string[]][] = [
    ["weights", ["alpha", "charlie", "foxtrot", "golf"]],
    ["open data", ["bravo", "delta"]],
    ['"open weights"', ["alpha"]],
    ['"weights open"', []],
    ["weights -data", ["alpha", "foxtrot"]],
    ['weights -"open weights"', ["charlie", "foxtrot", "golf"]],
    ["studied or source", ["alpha", "charlie", "delta"]],
    ["studied or source -closed", ["alpha", "charlie"]],
    ["open-source", ["alpha", "delta"]],
    ["DONNÉES entrainement", ["echo"]],
    ["λογος", ["foxtrot"]],
    ['"unbalanced data', ["bravo", "charlie", "delta", "golf"].filter(() => false)],
    ["NEAR(", ["golf"]],
    ["data *", ["bravo", "charlie", "delta", "golf"]],
    ["- weights", ["alpha", "charlie", "foxtrot", "golf"]],
    ["or", []],
  ];

  it("finds what the table says for every query", async () => {
    const { author, definition, version } = await makeDiscussion();
    const ids = new Map<string, string>();
    for (const body of CORPUS) ids.set((await createComment({ actor: author, input: { versionId: version.id, body } })).id, body.split(":")[0]);
    const outcomes: Record<string, string[] | string> = {};
    for (const [q] of TABLE) {
      try {
        outcomes[q] = (await found({ q, definition: definition.slug, limit: 50 })).map((id) => ids.get(id)!).sort();
      } catch (error) {
        outcomes[q] = (error as Error).message;
      }
    }
    expect(outcomes).toEqual({
      ...Object.fromEntries(TABLE.map(([q, names]) => [q, names])),
      // Unbalanced quote: the rest is plain words, and no comment has "unbalanced".
      '"unbalanced data': [],
      or: "Type one or more words to search for.",
    });
  });

  it.each([
    ["empty", "", "Type one or more words"],
    ["5,000 characters", "x".repeat(5000), "search for at most 500 characters"],
    ["* alone", "*", "Type one or more words"],
    ["a lone -", "-", "Type one or more words"],
    ["only -data", "-data", "not only what to leave out"],
  ])("refuses a query (%s) with a message, not a failure", async (_label, q, message) => {
    const error = await expectRefused(searchContent({ input: { q } }), "bad_input");
    expect(error.message).toContain(message);
  });

  it("refuses filters that cannot be read", async () => {
    await expectRefused(searchContent({ input: { q: "data", kind: "user" as never } }), "bad_input", /kind/);
    await expectRefused(searchContent({ input: { q: "data", from: "yesterday" } }), "bad_input", /YYYY-MM-DD/);
    await expectRefused(searchContent({ input: { q: "data", version: "1.0" } }), "bad_input", /Choose a definition/);
    await expectRefused(searchContent({ input: { q: "data", cursor: "bm90IGEgY3Vyc29y" } }), "bad_input", /page link is broken/);
  });
});

describe("filters, order and pages", () => {
  it("pages through every match once, by relevance or by date, with one statement per page", async () => {
    const { author, definition, version } = await makeDiscussion();
    const other = await makeUser();
    const start = Date.parse("2025-03-01T00:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const body = `Quorum ${"quorum ".repeat(i)}rules, comment ${i}`;
      const actor = i % 2 ? other : author;
      ids.push((await createComment({ actor, input: { versionId: version.id, sectionKey: i < 4 ? "data" : "code", body }, now: new Date(start + i * 86_400_000) })).id);
    }
    // Relevance ranks a window of the newest matches at a time: all seven at once, or
    // (a window of 3) the newest three, then the next three, then the oldest one.
    // PostgreSQL reads the words' statistics to choose its plan; each plan finds the same.
    for (const [sort, rankWindow, shares] of [
      ["relevance", SEARCH_RANK_WINDOW, null],
      ["relevance", 3, null],
      ["relevance", 3, EVERY_WORD_RARE],
      ["date", SEARCH_RANK_WINDOW, null],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const before = queryCounter.count;
        const page = await searchContent({ input: { q: "quorum rules", definition: definition.slug, sort, limit: 2, cursor }, rankWindow, shares });
        expect(queryCounter.count - before).toBe(1);
        seen.push(...page.results.map((r) => r.id));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect([...seen].sort()).toEqual([...ids].sort());
      // Relevance is each engine's own formula (bm25, ts_rank): only the date order is the same.
      if (sort === "date") expect(seen).toEqual([...ids].reverse());
      if (rankWindow === 3) {
        expect(seen.slice(0, 3).sort()).toEqual(ids.slice(4).sort());
        expect(seen.slice(3, 6).sort()).toEqual(ids.slice(1, 4).sort());
        expect(seen[6]).toBe(ids[0]);
      }
    }
    expect(await found({ q: "quorum", definition: definition.slug, section: "code" })).toHaveLength(3);
    expect(await found({ q: "quorum", definition: definition.slug, author: other.handle })).toHaveLength(3);
    expect(await found({ q: "quorum", definition: definition.slug, from: "2025-03-02", to: "2025-03-03" })).toEqual([ids[2], ids[1]]);
    expect(await found({ q: "quorum", definition: definition.slug, version: "9.9" })).toEqual([]);
  });

  it("pages through matches that are few among many rows: the window reaches past the newest rows", async () => {
    const { author, definition, version } = await makeDiscussion();
    const elsewhere = await makeDiscussion();
    const start = Date.parse("2025-04-01T00:00:00Z");
    const matching: string[] = [];
    // Three old matches, then many newer comments without the words (and one match in
    // another definition), so that PostgreSQL's first walk of the newest rows finds none.
    for (let i = 0; i < 3; i++) {
      matching.push((await createComment({ actor: author, input: { versionId: version.id, body: `Sparse quorum ballots ${i}` }, now: new Date(start + i * 1000) })).id);
    }
    for (let i = 0; i < 12; i++) await createComment({ actor: author, input: { versionId: version.id, body: `Unrelated remark ${i}` }, now: new Date(start + 10_000 + i * 1000) });
    await createComment({ actor: elsewhere.author, input: { versionId: elsewhere.version.id, body: "Sparse quorum ballots elsewhere" } });

    for (const [rankWindow, shares] of [SEARCH_RANK_WINDOW, 2, 1].flatMap((w) => [[w, null] as const, [w, EVERY_WORD_RARE] as const])) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const before = queryCounter.count;
        const page = await searchContent({ input: { q: "sparse quorum", definition: definition.slug, limit: 1, cursor }, rankWindow, shares });
        expect(queryCounter.count - before).toBe(1);
        seen.push(...page.results.map((r) => r.id));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect([...seen].sort()).toEqual([...matching].sort());
      // Windows go newest first: with a window of one, the order is the matches' own.
      if (rankWindow === 1) expect(seen).toEqual([...matching].reverse());
    }
    expect(await found({ q: "sparse quorum", author: elsewhere.author.handle })).toHaveLength(1);
    expect(await found({ q: "sparse quorum", kind: "comment", definition: definition.slug })).toHaveLength(3);
  });

  it("reads PostgreSQL's statistics of the words once the index is analyzed (none on SQLite)", async () => {
    const { author, version } = await makeDiscussion();
    await createComment({ actor: author, input: { versionId: version.id, body: "Statistics of tallies" } });
    if (databaseTarget().provider === "sqlite") {
      await loadWordShares();
      expect(wordShares()).toBeNull();
      return;
    }
    await db.$executeRaw`ANALYZE "SearchVector"`;
    await loadWordShares();
    const shares = wordShares();
    expect(shares?.listed.size).toBeGreaterThan(0);
    for (const share of shares!.listed.values()) expect(share).toBeGreaterThanOrEqual(shares!.unlisted);
  });

  it("shows where a result is and a snippet of plain text with the words marked", async () => {
    const { author, definition, version } = await makeDiscussion();
    const comment = await createComment({ actor: author, input: { versionId: version.id, sectionKey: "data", body: "<img src=x onerror=alert(1)> **Provenance** first" } });
    const [result] = (await searchContent({ input: { q: "provenance", definition: definition.slug } })).results;
    expect(result).toMatchObject({
      kind: "comment",
      id: comment.id,
      path: `/d/${definition.slug}/comments/${comment.id}`,
      version: "1.0",
      section: { key: "data", heading: "Data Information" },
      author: { handle: author.handle },
    });
    expect(result.snippet).toEqual([
      { text: "<img src=x onerror=alert(1)> ", mark: false },
      { text: "Provenance", mark: true },
      { text: " first", mark: false },
    ]);
  });
});

describe("systems", () => {
  const word = () => `w${randomUUID().replaceAll("-", "").slice(0, 10)}`;

  it("a system is found by its name, developer and fact explanations, only as kind system", async () => {
    const [name, developer, fact] = [word(), word(), word()];
    const system = await makeSystem({
      name: `Model ${name}`,
      developer: `${developer} Labs`,
      facts: { weights: "yes", trainingData: "no" },
      explanations: { weights: `Weights under Apache 2.0, see ${fact}.`, trainingData: "<script>alert(1)</script> Not released." },
    });
    for (const q of [name, developer, fact]) expect(await found({ q })).toEqual([system.id]);
    expect(await found({ q: fact, kind: "system" })).toEqual([system.id]);
    expect(await found({ q: fact, kind: "comment" })).toEqual([]);
    // Systems belong to no definition: a definition filter leaves them out.
    const { definition } = await makeDiscussion();
    expect(await found({ q: fact, definition: definition.slug })).toEqual([]);
    expect(await found({ q: fact, sort: "date" })).toEqual([system.id]);

    const [result] = (await searchContent({ input: { q: `${fact} alert`, kind: "system" } })).results;
    expect(result).toMatchObject({ kind: "system", id: system.id, path: `/systems/${system.slug}`, definition: null, version: null, section: null, author: null, title: `Model ${name}` });
    // Plain text, the words marked; the explanation's markup is text, never HTML.
    expect(result.snippet.filter((p) => p.mark).map((p) => p.text).sort()).toEqual([fact, "alert"].sort());
    expect(result.snippet.map((p) => p.text).join("")).toContain("<script>alert(1)</script> Not released.");
  });

  it("an accepted correction is found by its new explanation at once; a rejected one changes nothing", async () => {
    const [admin, member] = await Promise.all([makeUser({ role: "admin" }), makeUser()]);
    const [before, accepted, rejected] = [word(), word(), word()];
    const system = await makeSystem({ facts: { trainingCode: "no" }, explanations: { trainingCode: `No training code, only ${before}.` } });
    const propose = (explanation: string) =>
      proposeCorrection({ actor: member, input: { systemSlug: system.slug, criterion: "trainingCode", value: "yes", explanation, sources: "https://example.org/train", asOf: "2026-03-01" } });

    const no = await propose(`The training code is out: ${rejected}.`);
    expect(await found({ q: rejected })).toEqual([]);
    await decideCorrection({ actor: admin, input: { correctionId: no.id, outcome: "rejected", reason: "The link shows inference code only." } });
    expect(await found({ q: rejected })).toEqual([]);
    expect(await found({ q: before, kind: "system" })).toEqual([system.id]);

    const yes = await propose(`The training code is out: ${accepted}.`);
    await decideCorrection({ actor: admin, input: { correctionId: yes.id, outcome: "accepted", reason: "Checked the repository." } });
    expect(await found({ q: accepted, kind: "system" })).toEqual([system.id]);
    // The fact's older revision is no longer what the system says.
    expect(await found({ q: before })).toEqual([]);
    expect(await db.searchDocument.count({ where: { kind: "system", sourceId: system.id } })).toBe(1);
  });
});
