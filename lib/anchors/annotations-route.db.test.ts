import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComment } from "@/lib/comments/create-comment";
import { publishVersion } from "@/scripts/seed/publish-version";
import { GET as getAnnotations } from "@/app/api/v1/definitions/[slug]/versions/[label]/annotations/route";
import { makePublishedDefinition, V1_BODY } from "@/scripts/testing/publishing-fixtures";

const get = (slug: string, label: string) =>
  getAnnotations(new Request(`http://localhost/api/v1/definitions/${slug}/versions/${label}/annotations`), { params: Promise.resolve({ slug, label }) });

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const IRI = /^https?:\/\/[^\s]+$/;

/**
 * The Web Annotation data model's requirements (https://www.w3.org/TR/annotation-model/)
 * for what this API emits: returns every violation, so a failure lists them all.
 */
function violations(collection: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => ok || problems.push(what);
  need(collection["@context"] === "http://www.w3.org/ns/anno.jsonld", "collection @context");
  need(IRI.test(String(collection.id)), "collection id is an IRI");
  need(collection.type === "AnnotationCollection", "collection type");
  const page = collection.first as Record<string, unknown>;
  need(page?.type === "AnnotationPage" && IRI.test(String(page.id)) && Array.isArray(page.items), "first is an AnnotationPage with items");
  const items = (page?.items ?? []) as Record<string, unknown>[];
  need(collection.total === items.length, "total counts the items");
  items.forEach((a, i) => {
    const at = `item ${i}`;
    need(IRI.test(String(a.id)), `${at}: id is an IRI`);
    need(a.type === "Annotation", `${at}: type Annotation`);
    need(a.motivation === "commenting", `${at}: motivation`);
    need(ISO.test(String(a.created)), `${at}: created is an xsd:dateTime in UTC`);
    const creator = a.creator as Record<string, unknown>;
    need(IRI.test(String(creator?.id)) && creator?.type === "Person", `${at}: creator is a Person with an id`);
    const body = a.body as Record<string, unknown>;
    need(body?.type === "TextualBody" && typeof body.value === "string" && body.format === "text/html", `${at}: body is a TextualBody with its format`);
    const target = a.target as Record<string, unknown>;
    need(IRI.test(String(target?.source)), `${at}: target has a source IRI`);
    const selectors = target?.selector as Record<string, unknown>[];
    need(Array.isArray(selectors) && selectors.length > 0, `${at}: target has selectors`);
    for (const s of selectors ?? []) {
      need(s.type === "FragmentSelector" && typeof s.value === "string" && typeof s.conformsTo === "string", `${at}: FragmentSelector with value and conformsTo`);
      const refined = s.refinedBy as Record<string, unknown>;
      if (refined?.type === "TextQuoteSelector") {
        need(typeof refined.exact === "string" && refined.exact !== "" && typeof refined.prefix === "string" && typeof refined.suffix === "string", `${at}: TextQuoteSelector shape`);
      } else if (refined?.type === "TextPositionSelector") {
        need(Number.isInteger(refined.start) && Number.isInteger(refined.end) && (refined.start as number) >= 0 && (refined.end as number) > (refined.start as number), `${at}: TextPositionSelector shape`);
      } else need(false, `${at}: refinedBy a text selector`);
    }
  });
  return problems;
}

describe("GET /api/v1/definitions/{slug}/versions/{label}/annotations", () => {
  it("answers a W3C AnnotationCollection whose items validate, including a comment whose words are gone", async () => {
    const fixture = await makePublishedDefinition();
    const { definition, version, member } = fixture;
    const kept = await createComment({ actor: member, input: { versionId: version.id, sectionKey: "code", quote: "inference code", body: "**Which** code?" } });
    const gone = await createComment({ actor: member, input: { versionId: version.id, sectionKey: "data", quote: "The data itself is optional", body: "Too weak." } });
    const hidden = await createComment({ actor: member, input: { versionId: version.id, sectionKey: "code", quote: "training", body: "Hidden." } });
    await db.comment.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const next = await publishVersion({
      actor: fixture.maintainer,
      input: { definitionId: definition.id, baseVersionId: version.id, label: "1.1", body: V1_BODY.replace("\n\nThe data itself is optional.", "").replace("## Code\n\n", "## Code\n\nNew. "), changelog: "Edited." },
    });
    expect(next.anchors).toEqual({ exact: 2, fuzzy: 0, orphaned: 1 });

    const response = await get(definition.slug, "1.1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    const collection = await response.json();
    expect(violations(collection)).toEqual([]);
    const items = collection.first.items as { id: string; body: { value: string }; target: { source: string; selector: { value: string; refinedBy: Record<string, unknown> }[] } }[];
    expect(items.map((a) => a.id.split("/").at(-1))).toEqual([kept.id, gone.id]);
    expect(items[0].body.value).toContain("<strong>Which</strong>");
    expect(items[0].target.source).toMatch(new RegExp(`/d/${definition.slug}/v/1\\.1$`));
    expect(items[0].target.selector.map((s) => [s.value, s.refinedBy])).toEqual([
      ["s-code", { type: "TextQuoteSelector", exact: "inference code", prefix: "New. All training and ", suffix: " is released.\n" }],
      ["s-code", { type: "TextPositionSelector", start: 22, end: 36 }],
    ]);
    // The comment whose words are gone points at them on the version it was made on.
    expect(items[1].target.source).toMatch(/\/v\/1\.0$/);
    expect(items[1].target.selector[0].refinedBy).toMatchObject({ exact: "The data itself is optional" });
  });

  it("counts positions in code points, as the model requires", async () => {
    const fixture = await makePublishedDefinition();
    const { definition, version, member } = fixture;
    await db.section.update({ where: { versionId_key: { versionId: version.id, key: "code" } }, data: { text: "😀 All code is released." } });
    await createComment({ actor: member, input: { versionId: version.id, sectionKey: "code", quote: "code", body: "Emoji first." } });
    const collection = await (await get(definition.slug, "1.0")).json();
    expect(collection.first.items[0].target.selector[1].refinedBy).toEqual({ type: "TextPositionSelector", start: 6, end: 10 });
  });

  it("answers 404 in the API's error shape for an unknown version", async () => {
    const { definition } = await makePublishedDefinition();
    const response = await get(definition.slug, "9.9");
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});
