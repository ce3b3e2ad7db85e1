import "@/scripts/testing/require-test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { curates } from "@/lib/auth/require-curator";
import { proposeCorrection } from "@/lib/systems/propose-correction";
import { decideCorrection } from "@/lib/systems/decide-correction";
import { setCurator } from "@/lib/systems/set-curator";
import { setDraftRules } from "@/lib/systems/set-draft-rules";
import { listSystems } from "@/lib/systems/list-systems";
import { getSystem } from "@/lib/systems/get-system";
import { getAmendmentEffect, getDraftEffect, getVersionsEffect } from "@/lib/systems/get-rule-change-effect";
import { proposeRuleChange } from "@/lib/systems/propose-rule-change";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { getVersionClassification } from "@/lib/systems/get-version-classification";
import { expectRefused, expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { makeUser } from "@/scripts/testing/fixtures";
import { makeAmendment, makePublishedDefinition, V1_BODY } from "@/scripts/testing/publishing-fixtures";
import { completeRuleSet, makeSystem, setRules } from "@/scripts/testing/systems-fixtures";

const OPEN = { weights: "yes", trainingCode: "yes", inferenceCode: "yes", trainingData: "yes", dataDocs: "yes", noUseRestrictions: "yes" } as const;
const correction = (systemSlug: string) => ({ systemSlug, criterion: "trainingCode", value: "yes" as const, explanation: "The lab published its training code in March.", sources: "https://example.org/train\nhttps://example.org/paper", asOf: "2026-03-01" });

describe("fact corrections", () => {
  it("a member proposes, an appointed curator accepts: a new revision changes the verdict, the proposer is told, all audited", async () => {
    const [admin, member, curator] = await Promise.all([makeUser({ role: "admin" }), makeUser(), makeUser()]);
    const { definition, version } = await makePublishedDefinition();
    await setRules(version.id, { weights: "required", trainingCode: "required" });
    const system = await makeSystem({ facts: { ...OPEN, trainingCode: "no" } });
    const verdictOf = async () => (await listSystems()).rows.find((r) => r.slug === system.slug)!.verdicts[definition.slug];
    expect(await verdictOf()).toEqual({ verdict: "not_admitted", failing: ["trainingCode"] });

    const proposed = await proposeCorrection({ actor: member, input: correction(system.slug) });
    expect(proposed.status).toBe("open");
    // Proposing changes nothing yet.
    expect((await verdictOf())?.verdict).toBe("not_admitted");

    await expectRefused(decideCorrection({ actor: curator, input: { correctionId: proposed.id, outcome: "accepted", reason: "Checked." } }), "forbidden");
    await setCurator({ actor: admin, input: { handle: curator.handle, curator: "yes", reason: "Knows the field." } });
    expect(await curates(curator)).toBe(true);
    const decided = await decideCorrection({ actor: curator, input: { correctionId: proposed.id, outcome: "accepted", reason: "The repository has the training scripts." } });
    expect(decided).toMatchObject({ status: "accepted", revision: 2 });
    expect(await verdictOf()).toEqual({ verdict: "admitted" });

    const view = await getSystem(system.slug);
    const history = view.history.find((h) => h.criterion.id === "trainingCode")!.revisions;
    expect(history.map((r) => [r.revision, r.value])).toEqual([[2, "yes"], [1, "no"]]);
    expect(history[0]).toMatchObject({ sources: ["https://example.org/train", "https://example.org/paper"], asOf: "2026-03-01", correctionId: proposed.id, author: { handle: member.handle } });
    expect(view.corrections[0]).toMatchObject({ status: "accepted", decisionReason: "The repository has the training scripts.", decidedBy: { handle: curator.handle } });

    const notes = await db.notification.findMany({ where: { userId: member.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0].text).toMatch(/was accepted: The repository has the training scripts\./);
    const actions = (await db.auditEntry.findMany({ orderBy: { seq: "asc" }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(["correction.propose", "curator.appoint", "correction.accept"]);
    expect(await verifyAuditChain()).toEqual({ ok: true });

    // Decided once: a second decision is refused and writes nothing.
    await expectRefusedWithoutWriting(() => decideCorrection({ actor: admin, input: { correctionId: proposed.id, outcome: "rejected", reason: "Changed my mind." } }), "closed");
  });

  it("a rejection keeps the fact, tells the proposer why", async () => {
    const [admin, member] = await Promise.all([makeUser({ role: "admin" }), makeUser()]);
    const system = await makeSystem({ facts: { trainingCode: "no" } });
    const { id } = await proposeCorrection({ actor: member, input: correction(system.slug) });
    await decideCorrection({ actor: admin, input: { correctionId: id, outcome: "rejected", reason: "That repository only fine-tunes." } });
    expect((await getSystem(system.slug)).facts.trainingCode).toBe("no");
    const [note] = await db.notification.findMany({ where: { userId: member.id } });
    expect(note.text).toMatch(/was rejected: That repository only fine-tunes\./);
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const member = await makeUser();
    const system = await makeSystem({ facts: { trainingCode: "no" } });
    const base = correction(system.slug);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ sources: "" }, "bad_input", /at least one source/],
      [{ sources: [] }, "bad_input", /at least one source/],
      [{ sources: "ftp://example.org/file" }, "bad_input", /http:\/\/ or https:\/\//],
      [{ sources: ["https://example.org/ok", "javascript:alert(1)"] }, "bad_input", /http:\/\/ or https:\/\//],
      [{ sources: "example.org/no-scheme" }, "bad_input", /http:\/\/ or https:\/\//],
      [{ criterion: "vibes" }, "bad_input", /criterion must be one of: weights, trainingCode/],
      [{ value: "maybe" }, "bad_input", /value must be one of: yes, partly, no, unknown/],
      [{ asOf: "last year" }, "bad_input", /YYYY-MM-DD/],
      [{ explanation: "" }, "bad_input", /Explain the fact/],
      [{ systemSlug: "no-such-system" }, "not_found", /no system "no-such-system"/],
    ];
    for (const [change, code, message] of cases) {
      await expectRefusedWithoutWriting(() => proposeCorrection({ actor: member, input: { ...base, ...change } as never }), code as never, message);
    }
    await expectRefusedWithoutWriting(() => decideCorrection({ actor: member, input: { correctionId: "nope", outcome: "accepted", reason: "Fine." } }), "forbidden");
    await expectRefusedWithoutWriting(() => proposeCorrection({ actor: null, input: base }), "unauthenticated");
  });

  it("curators: admins curate without a row; an admin cannot be appointed, a curator can be removed", async () => {
    const [admin, person] = await Promise.all([makeUser({ role: "admin" }), makeUser()]);
    expect(await curates(admin)).toBe(true);
    await expectRefusedWithoutWriting(() => setCurator({ actor: admin, input: { handle: admin.handle, curator: "yes" } }), "bad_input", /admins are curators already/);
    await expectRefusedWithoutWriting(() => setCurator({ actor: admin, input: { handle: person.handle, curator: "no" } }), "not_found", /not a curator/);
    await setCurator({ actor: admin, input: { handle: person.handle, curator: "yes" } });
    await expectRefusedWithoutWriting(() => setCurator({ actor: admin, input: { handle: person.handle, curator: "yes" } }), "duplicate");
    await setCurator({ actor: admin, input: { handle: person.handle, curator: "no" } });
    expect(await curates(person)).toBe(false);
  });
});

describe("rule sets and their effect", () => {
  async function draftWorld() {
    const world = await makePublishedDefinition();
    await setRules(world.version.id, { weights: "required", noUseRestrictions: "required" });
    const draft = await db.version.create({ data: { definitionId: world.definition.id, status: "draft", body: V1_BODY, changelog: "Stricter.", baseVersionId: world.version.id } });
    const [open, weightsOnly, unknownData] = await Promise.all([
      makeSystem({ name: "Open one", facts: OPEN }),
      makeSystem({ name: "Weights only", facts: { ...OPEN, trainingData: "no" } }),
      makeSystem({ name: "Unknown data", facts: { ...OPEN, trainingData: "unknown" } }),
    ]);
    return { ...world, draft, open, weightsOnly, unknownData };
  }

  it("a maintainer's draft rules preview names the systems that would no longer be admitted", async () => {
    const w = await draftWorld();
    const before = await getDraftEffect({ actor: w.maintainer, draftId: w.draft.id });
    expect(before).toMatchObject({ hasOwnRules: false, changedRules: [], nowAdmitted: [], noLongerAdmitted: [] });

    await setDraftRules({ actor: w.maintainer, input: { draftId: w.draft.id, rules: completeRuleSet({ weights: "required", noUseRestrictions: "required", trainingData: "required" }).map((r) => (r.criterion === "trainingData" ? { ...r, sectionKey: "data" } : r)) } });
    const effect = await getDraftEffect({ actor: w.maintainer, draftId: w.draft.id });
    expect(effect.changedRules).toEqual([{ criterion: "trainingData", from: "not_required", to: "required" }]);
    const mine = new Set([w.open.slug, w.weightsOnly.slug, w.unknownData.slug]);
    expect(effect.noLongerAdmitted.filter((r) => mine.has(r.slug)).map((r) => r.name).sort()).toEqual(["Unknown data", "Weights only"]);
    expect(effect.noLongerAdmitted.find((r) => r.slug === w.weightsOnly.slug)!.after).toEqual({ verdict: "not_admitted", failing: ["trainingData"] });
    expect(effect.noLongerAdmitted.find((r) => r.slug === w.unknownData.slug)!.after).toEqual({ verdict: "undecided", unknown: ["trainingData"] });
    expect(effect.nowAdmitted).toEqual([]);
    expect(await db.auditEntry.findFirst({ where: { action: "rules.edit", targetId: w.draft.id } })).not.toBeNull();
  });

  it("refuses a rule set with a missing, repeated or unknown criterion, an unknown value or section, and non-maintainers, writing nothing", async () => {
    const w = await draftWorld();
    const full = completeRuleSet();
    const cases: [unknown, RegExp][] = [
      [full.slice(1), /no rule for: weights/],
      [[...full, full[0]], /names "weights" twice/],
      [[...full, { ...full[0], criterion: "vibes" }], /criterion must be one of/],
      [full.map((r, i) => (i === 0 ? { ...r, value: "optional" } : r)), /A rule is one of: required, not_required, implied/],
      [full.map((r, i) => (i === 0 ? { ...r, sectionKey: "nowhere" } : r)), /no section "nowhere"/],
      [full.map((r, i) => (i === 0 ? { ...r, rationale: "" } : r)), /one-line rationale/],
    ];
    for (const [rules, message] of cases) {
      await expectRefusedWithoutWriting(() => setDraftRules({ actor: w.maintainer, input: { draftId: w.draft.id, rules: rules as never } }), "bad_input", message);
    }
    await expectRefusedWithoutWriting(() => setDraftRules({ actor: w.member, input: { draftId: w.draft.id, rules: full } }), "not_found");
  });

  it("between two published versions: the rules that changed and who is now (no longer) admitted; the API's classification", async () => {
    const w = await draftWorld();
    const v2 = await db.version.create({ data: { definitionId: w.definition.id, number: 2, label: "2.0", status: "published", body: V1_BODY, publishedAt: new Date("2025-06-01T00:00:00Z") } });
    await db.version.update({ where: { id: w.version.id }, data: { status: "superseded" } });
    await setRules(v2.id, { weights: "required", noUseRestrictions: "required", trainingData: "required" });
    const effect = await getVersionsEffect(w.definition.slug, "1.0", "2.0");
    // Other tests' systems share this database: look at this world's three.
    const mine = new Set([w.open.slug, w.weightsOnly.slug, w.unknownData.slug]);
    expect(effect!.noLongerAdmitted.map((r) => r.slug).filter((slug) => mine.has(slug)).sort()).toEqual([w.unknownData.slug, w.weightsOnly.slug].sort());
    const classification = await getVersionClassification(w.definition.slug, "2.0");
    expect(classification.systems.find((s) => s.slug === w.open.slug)).toMatchObject({ verdict: "admitted" });
    await expectRefused(getVersionClassification(w.definition.slug, "9.9"), "not_found");
    const system = await getSystem(w.open.slug);
    expect(system.verdicts.find((d) => d.slug === w.definition.slug)!.versions.map((v) => [v.label, v.current, v.verdict?.verdict])).toEqual([["1.0", false, "admitted"], ["2.0", true, "admitted"]]);
  });

  it("an amendment's rule change previews the systems that would no longer be admitted; only its author, only while seeking", async () => {
    const w = await draftWorld();
    const a = await makeAmendment({ definitionId: w.definition.id, versionId: w.version.id, authorId: w.member.id, status: "seeking" });
    expect(await getAmendmentEffect(a.id)).toMatchObject({ ruleChanges: [], changedRules: [], noLongerAdmitted: [] });
    const change = { amendmentId: a.id, criterion: "trainingData", value: "required" as const, rationale: "Without the data nobody can rebuild it." };

    await expectRefusedWithoutWriting(() => proposeRuleChange({ actor: w.maintainer, input: change }), "forbidden", /author/);
    await expectRefusedWithoutWriting(() => proposeRuleChange({ actor: w.member, input: { ...change, criterion: "vibes" } }), "bad_input", /criterion must be one of/);
    await expectRefusedWithoutWriting(() => proposeRuleChange({ actor: w.member, input: { ...change, value: "maybe" as never } }), "bad_input", /A rule is one of/);
    await proposeRuleChange({ actor: w.member, input: change });

    const effect = (await getAmendmentEffect(a.id))!;
    expect(effect.changedRules).toEqual([{ criterion: "trainingData", from: "not_required", to: "required" }]);
    // Other tests' systems share this database (and these names): look at this world's three.
    const mine = new Set([w.open.slug, w.weightsOnly.slug, w.unknownData.slug]);
    expect(effect.noLongerAdmitted.filter((r) => mine.has(r.slug)).map((r) => r.name).sort()).toEqual(["Unknown data", "Weights only"]);

    await db.amendment.update({ where: { id: a.id }, data: { status: "voting" } });
    await expectRefusedWithoutWriting(() => proposeRuleChange({ actor: w.member, input: { ...change, value: "not_required" } }), "closed");
  });

  it("taking an accepted amendment into a draft makes its rule changes the draft's rules, and the draft's preview shows them", async () => {
    const w = await draftWorld();
    const a = await makeAmendment({ definitionId: w.definition.id, versionId: w.version.id, authorId: w.member.id, status: "accepted" });
    await db.amendmentRuleChange.create({ data: { amendmentId: a.id, criterion: "trainingData", value: "required", rationale: "Release the data." } });
    expect(await takeInAmendment({ actor: w.maintainer, input: { draftId: w.draft.id, amendmentId: a.id } })).toMatchObject({ status: "taken-in" });

    const rules = await db.versionRule.findMany({ where: { versionId: w.draft.id }, orderBy: { criterion: "asc" }, select: { criterion: true, value: true } });
    expect(rules).toHaveLength(6);
    expect(rules.find((r) => r.criterion === "trainingData")!.value).toBe("required");
    expect(rules.find((r) => r.criterion === "weights")!.value).toBe("required");
    const effect = await getDraftEffect({ actor: w.maintainer, draftId: w.draft.id });
    expect(effect.changedRules).toEqual([{ criterion: "trainingData", from: "not_required", to: "required" }]);
    expect(effect.noLongerAdmitted.some((r) => r.slug === w.weightsOnly.slug)).toBe(true);
  });
});
