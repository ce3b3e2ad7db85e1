import "@/scripts/testing/require-test-database";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAmendment, makePublishedDefinition, V1_BODY } from "@/scripts/testing/publishing-fixtures";
import { publishVersion } from "@/scripts/seed/publish-version";
import { setDisposition } from "@/lib/dispositions/set-disposition";
import { responseReportCsv, responseReportJson, responseReportMarkdown } from "@/lib/dispositions/response-report-download";
import { listResponseQueue } from "@/lib/dispositions/list-response-queue";
import { countAnsweredThreads } from "@/lib/dispositions/count-answered-threads";
import { REPORT_COLUMNS } from "@/lib/dispositions/response-report-rows";
import { GET as getResponsesApi } from "@/app/api/v1/definitions/[slug]/versions/[label]/responses/route";

const ORIGIN = "https://opendef.test";
const DAY = 86_400_000;

/** Version 1.0 with threads (one per section, one on the whole version, one hidden, one reply) and an amendment; some answered; then 1.1 changes the data section. */
async function discussedDefinition() {
  const fixture = await makePublishedDefinition();
  const { definition, version, maintainer, member } = fixture;
  const at = (day: number) => new Date(Date.UTC(2025, 0, 2) + day * DAY);
  const thread = (sectionKey: string | null, body: string, day: number, data: object = {}) =>
    db.comment.create({ data: { versionId: version.id, sectionKey, authorId: member.id, body, bodyHtml: `<p>${body}</p>`, createdAt: at(day), ...data } });
  const onData = await thread("data", "Require the **data**, please.", 0);
  const onCode = await thread("code", "Code is fine as it is.", 1);
  const whole = await thread(null, "A general remark, with \"quotes\", commas, and\nnew lines.", 2);
  await thread("data", "Hidden spam", 3, { hiddenAt: at(3) });
  await thread("data", "A reply", 4, { parentId: onData.id, rootId: onData.id });
  const amendment = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: member.id, status: "rejected" });
  await db.amendment.update({ where: { id: amendment.id }, data: { createdAt: at(5) } });

  await setDisposition({ actor: maintainer, input: { target: `comment:${onData.id}`, kind: "answered", reason: "First answer." }, now: at(2) });
  await setDisposition({ actor: maintainer, input: { target: `comment:${onData.id}`, kind: "partly_accepted", reason: "1.1 tightens it, \"partly\";\nsee the diff, é ✓." }, now: at(4) });
  await setDisposition({ actor: maintainer, input: { target: `comment:${whole.id}`, kind: "duplicate", reason: "Raised on the data section.", duplicateOf: `comment:${onData.id}` }, now: at(10) });
  await setDisposition({ actor: maintainer, input: { target: `amendment:${amendment.id}`, kind: "declined", reason: "Out of step with the vote." }, now: at(8) });

  const body = V1_BODY.replace("The data itself is optional.", "The data itself is required where it can be shared.");
  await publishVersion({ actor: maintainer, input: { definitionId: definition.id, baseVersionId: version.id, label: "1.1", body, changelog: "Data where shareable." } });
  return { ...fixture, onData, onCode, whole, amendment };
}

describe("the response report of a version", () => {
  it("lists every visible thread and amendment of the previous version by section, with its current answer and the section's diff", async () => {
    const { definition, onData, onCode, whole, amendment, maintainer } = await discussedDefinition();
    const json = await responseReportJson(definition.slug, "1.1", ORIGIN);
    expect(json).toMatchObject({ version: "1.1", previousVersion: "1.0", counts: { threads: 3, answeredThreads: 2, amendments: 1, answeredAmendments: 1 } });
    expect(json.sections.map((s) => [s.key, s.change, s.items])).toEqual([["data", "changed", 2], ["code", "unchanged", 1], [null, null, 1]]);
    expect(json.items.map((i) => [i.type, i.id, i.disposition])).toEqual([
      ["thread", onData.id, "partly_accepted"],
      ["amendment", amendment.id, "declined"],
      ["thread", onCode.id, ""],
      ["thread", whole.id, "duplicate"],
    ]);
    expect(json.items[0]).toMatchObject({ section: "Data Information", title: "Require the data, please.", url: `${ORIGIN}/d/${definition.slug}/comments/${onData.id}`, answeredBy: maintainer.name, reason: '1.1 tightens it, "partly";\nsee the diff, é ✓.' });
    expect(json.items[2]).toMatchObject({ dispositionLabel: "No answer yet", reason: "", answeredBy: "" });
    expect(json.items[3].duplicateOf).toBe(`${ORIGIN}/d/${definition.slug}/comments/${onData.id}`);
    expect(JSON.stringify(json)).not.toContain("@example.test");

    const markdown = await responseReportMarkdown(definition.slug, "1.1", ORIGIN);
    expect(markdown).toContain("## Data Information");
    expect(markdown).toContain("> The data itself is [-optional-]{+required where it can be shared+}.");
    expect(markdown).toContain("3 threads and 1 amendment on version 1.0");
    expect(markdown).toContain("**Partly accepted**");
  });

  it("downloads as CSV that a CSV library parses back into exactly the JSON's rows", async () => {
    const { definition } = await discussedDefinition();
    const json = await responseReportJson(definition.slug, "1.1", ORIGIN);
    const csv = await responseReportCsv(definition.slug, "1.1", ORIGIN);
    const rows = parse(csv, { columns: true, relax_quotes: false, record_delimiter: "\r\n" }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(REPORT_COLUMNS);
    expect(rows).toEqual(json.items);
  });

  it("is served as JSON by the API, and a version that does not exist is a 404", async () => {
    const { definition } = await discussedDefinition();
    const ok = await getResponsesApi(new Request(`${ORIGIN}/api/v1/definitions/${definition.slug}/versions/1.1/responses`), { params: Promise.resolve({ slug: definition.slug, label: "1.1" }) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).items).toHaveLength(4);
    const missing = await getResponsesApi(new Request(`${ORIGIN}/api/v1/definitions/${definition.slug}/versions/9.9/responses`), { params: Promise.resolve({ slug: definition.slug, label: "9.9" }) });
    expect(missing.status).toBe(404);
    // The first version has nothing before it to answer.
    expect(await responseReportJson(definition.slug, "1.0", ORIGIN)).toMatchObject({ previousVersion: null, items: [] });
  });
});

describe("the queue and the answer count", () => {
  it("lists what has no answer yet, oldest first, filtered and a page at a time", async () => {
    const { definition, onCode, version, member } = await discussedDefinition();
    const later = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: member.id, sectionKey: "code", status: "seeking" });
    const all = await listResponseQueue({ definitionId: definition.id, slug: definition.slug, filters: {}, pageSize: 1 });
    expect(all.counts).toEqual({ threads: 1, amendments: 1, total: 2 });
    expect(all.items.map((i) => i.ref)).toEqual([`comment:${onCode.id}`]);
    const next = await listResponseQueue({ definitionId: definition.id, slug: definition.slug, filters: {}, pageSize: 1, cursor: all.nextCursor });
    expect(next.items.map((i) => i.ref)).toEqual([`amendment:${later.id}`]);
    expect(next.nextCursor).toBeNull();
    const amendmentsOnly = await listResponseQueue({ definitionId: definition.id, slug: definition.slug, filters: { kind: "amendment", section: "code", version: "1.0" } });
    expect(amendmentsOnly.items.map((i) => i.id)).toEqual([later.id]);
    expect((await listResponseQueue({ definitionId: definition.id, slug: definition.slug, filters: { version: "1.1" } })).counts.total).toBe(0);
    // The draft page leaves out the amendments it has taken in: publishing answers them.
    expect((await listResponseQueue({ definitionId: definition.id, slug: definition.slug, filters: {}, exceptAmendmentIds: [later.id] })).counts).toEqual({ threads: 1, amendments: 0, total: 1 });
  });

  it("counts answered threads and the median time to the first answer", async () => {
    const { definition } = await discussedDefinition();
    // Answered: the data thread after 2 days (its first answer), the whole-version one after 8.
    expect(await countAnsweredThreads(definition.id)).toEqual({ answered: 2, total: 3, medianDays: 5 });
  });
});
