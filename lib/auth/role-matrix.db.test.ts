import "@/scripts/testing/require-test-database";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, it } from "vitest";
import { db } from "@/lib/db";
import type { AppErrorCode } from "@/lib/errors/app-error";
import { expectRefusedWithoutWriting } from "@/scripts/testing/expect-refused";
import { makeDefinition, makeUser, type TestUser } from "@/scripts/testing/fixtures";
import { makeAmendment, makePublishedDefinition, V1_BODY } from "@/scripts/testing/publishing-fixtures";
import { draftRevision } from "@/lib/versions/draft-revision";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { followDefinition } from "@/lib/notifications/follow-definition";
import { followThread } from "@/lib/notifications/follow-thread";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";
import { withdrawAmendment } from "@/lib/amendments/withdraw-amendment";
import { reviseAmendment } from "@/lib/amendments/revise-amendment";
import { resubmitAmendment } from "@/lib/amendments/resubmit-amendment";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { recordVote } from "@/lib/votes/cast-vote";
import { flagContent } from "@/lib/moderation/flag-content";
import { hideContent } from "@/lib/moderation/hide-content";
import { restoreContent } from "@/lib/moderation/restore-content";
import { lockThread } from "@/lib/moderation/lock-thread";
import { suspendUser } from "@/lib/moderation/suspend-user";
import { resolveFlag } from "@/lib/moderation/resolve-flag";
import { startDraft } from "@/lib/versions/start-draft";
import { updateDraft } from "@/lib/versions/update-draft";
import { publishDraft } from "@/lib/versions/publish-draft";
import { discardDraft } from "@/lib/versions/discard-draft";
import { takeInAmendment } from "@/lib/versions/take-in-amendment";
import { publishVersion } from "@/scripts/seed/publish-version";
import { appointMaintainer } from "@/lib/admin/appoint-maintainer";
import { removeMaintainer } from "@/lib/admin/remove-maintainer";
import { setUserRole } from "@/lib/admin/set-user-role";
import { createDefinition } from "@/lib/definitions/create-definition";
import { openBallot } from "@/lib/ballots/open-ballot";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { closeBallot } from "@/lib/ballots/close-ballot";
import { acceptBallotWinner } from "@/lib/ballots/accept-ballot-winner";
import { setDisposition } from "@/lib/dispositions/set-disposition";
import { setDispositions } from "@/lib/dispositions/set-dispositions";
import { proposeCorrection } from "@/lib/systems/propose-correction";
import { decideCorrection } from "@/lib/systems/decide-correction";
import { setCurator } from "@/lib/systems/set-curator";
import { setDraftRules } from "@/lib/systems/set-draft-rules";
import { proposeRuleChange } from "@/lib/systems/propose-rule-change";
import { makeSystem, completeRuleSet } from "@/scripts/testing/systems-fixtures";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";
import { importUpload } from "@/lib/import/import-upload";
import { makeWxr } from "@/scripts/testing/import-fixtures";

// Every write use case × every kind of actor, through the use cases (the layer
// every server action and API route calls). Each cell gets fresh rows to act on,
// so an allowed cell succeeds on its own; a refused one must carry the guard's
// code and leave every table as it was. Ownership (one member acting on another's
// words) is tested in scripts/testing/security/authorization.db.test.ts; here "own" rows
// belong to the actor.

const ROLES = ["anonymous", "member", "suspended", "maintainer", "other maintainer", "moderator", "admin"] as const;
type Role = (typeof ROLES)[number];

/** Who may: every member, the definition's maintainers (and admins), moderators (and admins), either of those two, curators (admins; appointed curators in lib/systems/systems.db.test.ts), or admins. */
type Rule = "member" | "maintainer" | "moderator" | "maintainer or moderator" | "curator" | "admin";
const ALLOWED: Record<Rule, Role[]> = {
  member: ["member", "maintainer", "other maintainer", "moderator", "admin"],
  maintainer: ["maintainer", "admin"],
  "maintainer or moderator": ["maintainer", "moderator", "admin"],
  moderator: ["moderator", "admin"],
  curator: ["admin"],
  admin: ["admin"],
};

/** What the cell must answer: allowed, or refused with this code. */
function expected(rule: Rule, role: Role, refusedAs: AppErrorCode): "allowed" | AppErrorCode {
  if (role === "anonymous") return "unauthenticated";
  if (role === "suspended") return "forbidden";
  return ALLOWED[rule].includes(role) ? "allowed" : refusedAs;
}

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;

async function makeWorld() {
  const [member, suspended, maintainer, otherMaintainer, moderator, admin, someone] = await Promise.all([
    makeUser(),
    makeUser({ suspendedAt: new Date("2026-01-01T00:00:00Z") }),
    makeUser(),
    makeUser(),
    makeUser({ role: "moderator" }),
    makeUser({ role: "admin" }),
    makeUser(),
  ]);
  const other = await makeDefinition();
  await db.definitionMaintainer.create({ data: { definitionId: other.id, userId: otherMaintainer.id } });
  const actors: Record<Role, TestUser | null> = {
    anonymous: null,
    member,
    suspended,
    maintainer,
    "other maintainer": otherMaintainer,
    moderator,
    admin,
  };
  return { actors, maintainer, someone };
}

/** A definition of its own per cell with version 1.0 published, also maintained by the world's maintainer. */
async function definitionWithVersion() {
  const { definition, version } = await makePublishedDefinition();
  await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: world.maintainer.id } });
  return { definition, version };
}

async function comment(authorId: string, data: { hiddenAt?: Date } = {}) {
  const { definition, version } = await definitionWithVersion();
  const row = await db.comment.create({ data: { versionId: version.id, authorId, body: "A comment.", bodyHtml: "<p>A comment.</p>", ...data } });
  return { definition, version, comment: row };
}

async function amendment(authorId: string, status: string, data: { votingClosesAt?: Date } = {}) {
  const { definition, version } = await definitionWithVersion();
  const row = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId, status });
  if (data.votingClosesAt) await db.amendment.update({ where: { id: row.id }, data: { votingClosesAt: data.votingClosesAt } });
  return { definition, version, amendment: row };
}

async function draft() {
  const { definition, version } = await definitionWithVersion();
  const body = `${V1_BODY}\n## Annex\n\nA new section.\n`;
  const row = await db.version.create({ data: { definitionId: definition.id, status: "draft", body, changelog: "Adds an annex.", baseVersionId: version.id } });
  return { definition, version, draft: row, revision: draftRevision(row) };
}

/** A ranked ballot opened by the world's maintainer on a definition of its own; `closed` closes it with option 1 winning. */
async function ballot({ closed = false } = {}) {
  const { version } = await definitionWithVersion();
  const options = [{ label: "Describe", text: "Describe the data." }, { label: "Release", text: "Release the data." }];
  const { ballotId } = await openBallot({ actor: world.maintainer, input: { versionId: version.id, sectionKey: "data", title: "Data", days: 7, options } });
  const ids = (await db.ballotOption.findMany({ where: { ballotId }, orderBy: { position: "asc" }, select: { id: true } })).map((o) => o.id);
  if (closed) {
    await castBallot({ actor: world.someone, input: { ballotId, ranks: { [ids[0]]: 1 } } });
    await closeBallot({ actor: world.maintainer, input: { ballotId } });
  }
  return { ballotId, ids };
}

const text = "Developers describe the training data in detail.\n\nThe data is released under an open licence, revised.";
const soon = () => new Date(Date.now() + 7 * 86_400_000);
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;

type Row = {
  name: string;
  rule: Rule;
  /** The refusal of a signed-in actor without the role: "forbidden", or "not_found" where existence is not revealed. */
  refusedAs?: AppErrorCode;
  /** Prepares fresh rows for one cell; `own` is the actor, or someone else for the anonymous. */
  cell: (own: TestUser) => Promise<(actor: TestUser | null) => Promise<unknown>>;
};

const ROWS: Row[] = [
  { name: "createComment", rule: "member", cell: async () => {
      const { version } = await definitionWithVersion();
      return (actor) => createComment({ actor, input: { versionId: version.id, body: "Agreed." } });
    } },
  { name: "editComment (own)", rule: "member", cell: async (own) => {
      const { comment: c } = await comment(own.id);
      return (actor) => editComment({ actor, input: { commentId: c.id, body: "Edited." } });
    } },
  { name: "deleteComment (own)", rule: "member", cell: async (own) => {
      const { comment: c } = await comment(own.id);
      return (actor) => deleteComment({ actor, input: { commentId: c.id } });
    } },
  { name: "followDefinition", rule: "member", cell: async () => {
      const { definition } = await definitionWithVersion();
      return (actor) => followDefinition({ actor, input: { definitionId: definition.id, follow: true } });
    } },
  { name: "followThread", rule: "member", cell: async () => {
      const { comment: c } = await comment(world.someone.id);
      return (actor) => followThread({ actor, input: { commentId: c.id, follow: true } });
    } },
  { name: "markNotificationsRead", rule: "member", cell: async () => (actor) => markNotificationsRead({ actor }) },
  { name: "createAccessToken", rule: "member", cell: async () => (actor) => createAccessToken({ actor, input: { name: "bot", scopes: ["comment"], expiresInDays: 7 } }) },
  { name: "importUpload", rule: "admin", cell: async () => {
      const { definition, version } = await definitionWithVersion();
      const file = new TextEncoder().encode(makeWxr([{ id: 1, parent: 0 }]));
      return (actor) => importUpload({ actor, input: { format: "wxr", definitionSlug: definition.slug, versionLabel: version.label! }, file });
    } },
  { name: "revokeAccessToken (own)", rule: "member", cell: async (own) => {
      const token = await db.accessToken.create({ data: { userId: own.id, name: "bot", tokenHash: randomUUID(), scopes: "comment", expiresAt: new Date(Date.now() + 86_400_000) } });
      return (actor) => revokeAccessToken({ actor, input: { tokenId: token.id } });
    } },
  { name: "proposeAmendment", rule: "member", cell: async () => {
      const { version } = await definitionWithVersion();
      const input = { versionId: version.id, sectionKey: "data", kind: "replace" as const, title: "Release the data", rationale: "Auditable.", proposedText: text };
      return (actor) => proposeAmendment({ actor, input });
    } },
  { name: "sponsorAmendment", rule: "member", cell: async () => {
      const { amendment: a } = await amendment(world.someone.id, "seeking");
      return (actor) => sponsorAmendment({ actor, input: { amendmentId: a.id } });
    } },
  { name: "recordVote", rule: "member", cell: async () => {
      const { amendment: a } = await amendment(world.someone.id, "voting", { votingClosesAt: soon() });
      return (actor) => recordVote({ actor, input: { amendmentId: a.id, choice: "for" }, address: address() });
    } },
  { name: "withdrawAmendment (own)", rule: "member", cell: async (own) => {
      const { amendment: a } = await amendment(own.id, "seeking");
      return (actor) => withdrawAmendment({ actor, input: { amendmentId: a.id } });
    } },
  { name: "reviseAmendment (own)", rule: "member", cell: async (own) => {
      const { amendment: a } = await amendment(own.id, "seeking");
      return (actor) => reviseAmendment({ actor, input: { amendmentId: a.id, revision: 1, title: "Revised", rationale: "Clearer.", proposedText: text } });
    } },
  { name: "resubmitAmendment (own)", rule: "member", cell: async (own) => {
      const { amendment: a, version } = await amendment(own.id, "stale");
      return (actor) => resubmitAmendment({ actor, input: { amendmentId: a.id, versionId: version.id, proposedText: text } });
    } },
  { name: "flagContent", rule: "member", cell: async () => {
      const { comment: c } = await comment(world.someone.id);
      return (actor) => flagContent({ actor, input: { targetType: "comment", targetId: c.id, reason: "Spam, I think." }, address: address() });
    } },
  { name: "castBallot", rule: "member", cell: async () => {
      const { ballotId, ids } = await ballot();
      return (actor) => castBallot({ actor, input: { ballotId, ranks: { [ids[0]]: 1 } } });
    } },
  { name: "openBallot", rule: "maintainer", cell: async () => {
      const { version } = await definitionWithVersion();
      const options = [{ label: "Describe", text: "Describe the data." }, { label: "Release", text: "Release the data." }];
      return (actor) => openBallot({ actor, input: { versionId: version.id, sectionKey: "data", title: "Data", days: 7, options } });
    } },
  { name: "closeBallot", rule: "maintainer", cell: async () => {
      const { ballotId } = await ballot();
      return (actor) => closeBallot({ actor, input: { ballotId } });
    } },
  { name: "acceptBallotWinner", rule: "maintainer", cell: async () => {
      const { ballotId } = await ballot({ closed: true });
      return (actor) => acceptBallotWinner({ actor, input: { ballotId } });
    } },
  { name: "decideAmendment", rule: "maintainer", cell: async () => {
      const { amendment: a } = await amendment(world.someone.id, "closed");
      return (actor) => decideAmendment({ actor, input: { amendmentId: a.id, outcome: "rejected", reason: "Out of scope." } });
    } },
  { name: "startDraft", rule: "maintainer", cell: async () => {
      const { definition } = await definitionWithVersion();
      return (actor) => startDraft({ actor, input: { definitionId: definition.id } });
    } },
  { name: "updateDraft", rule: "maintainer", refusedAs: "not_found", cell: async () => {
      const d = await draft();
      return (actor) => updateDraft({ actor, input: { draftId: d.draft.id, revision: d.revision, body: `${d.draft.body}More.\n` } });
    } },
  { name: "takeInAmendment", rule: "maintainer", refusedAs: "not_found", cell: async () => {
      const d = await draft();
      const a = await makeAmendment({ definitionId: d.definition.id, versionId: d.version.id, authorId: world.someone.id, status: "accepted" });
      return (actor) => takeInAmendment({ actor, input: { draftId: d.draft.id, amendmentId: a.id } });
    } },
  { name: "publishDraft", rule: "maintainer", refusedAs: "not_found", cell: async () => {
      const d = await draft();
      return (actor) => publishDraft({ actor, input: { draftId: d.draft.id, revision: d.revision, label: "2.0" } });
    } },
  { name: "discardDraft", rule: "maintainer", refusedAs: "not_found", cell: async () => {
      const d = await draft();
      return (actor) => discardDraft({ actor, input: { draftId: d.draft.id } });
    } },
  { name: "publishVersion", rule: "maintainer", cell: async () => {
      const { definition, version } = await definitionWithVersion();
      const input = { definitionId: definition.id, baseVersionId: version.id, label: "2.0", body: `${V1_BODY}\n## Annex\n\nNew.\n`, changelog: "Adds an annex." };
      return (actor) => publishVersion({ actor, input });
    } },
  { name: "hideContent", rule: "moderator", cell: async () => {
      const { comment: c } = await comment(world.someone.id);
      return (actor) => hideContent({ actor, input: { targetType: "comment", targetId: c.id, reason: "Off topic here." } });
    } },
  { name: "restoreContent", rule: "moderator", cell: async () => {
      const { comment: c } = await comment(world.someone.id, { hiddenAt: new Date("2026-01-01T00:00:00Z") });
      return (actor) => restoreContent({ actor, input: { targetType: "comment", targetId: c.id } });
    } },
  { name: "lockThread", rule: "moderator", cell: async () => {
      const { comment: c } = await comment(world.someone.id);
      return (actor) => lockThread({ actor, input: { commentId: c.id, locked: true } });
    } },
  { name: "suspendUser", rule: "moderator", cell: async () => {
      const target = await makeUser();
      return (actor) => suspendUser({ actor, input: { userId: target.id, reason: "Repeated spam." } });
    } },
  { name: "resolveFlag", rule: "moderator", cell: async () => {
      const { comment: c } = await comment(world.someone.id);
      const flag = await db.flag.create({ data: { reporterId: world.someone.id, commentId: c.id, reason: "Spam." } });
      return (actor) => resolveFlag({ actor, input: { flagId: flag.id } });
    } },
  { name: "setDisposition answered", rule: "maintainer", cell: async () => {
      const { comment: c } = await comment(world.someone.id);
      return (actor) => setDisposition({ actor, input: { target: `comment:${c.id}`, kind: "answered", reason: "The text already covers it." } });
    } },
  { name: "setDisposition out_of_scope", rule: "maintainer or moderator", cell: async () => {
      const { amendment: a } = await amendment(world.someone.id, "seeking");
      return (actor) => setDisposition({ actor, input: { target: `amendment:${a.id}`, kind: "out_of_scope", reason: "Not about this definition." } });
    } },
  { name: "setDisposition withdrawn (own)", rule: "member", cell: async (own) => {
      const { comment: c } = await comment(own.id);
      return (actor) => setDisposition({ actor, input: { target: `comment:${c.id}`, kind: "withdrawn", reason: "I raised it elsewhere." } });
    } },
  { name: "setDispositions duplicate", rule: "maintainer or moderator", cell: async () => {
      const { definition, version, comment: original } = await comment(world.someone.id);
      const copy = await db.comment.create({ data: { versionId: version.id, authorId: world.someone.id, body: "Same.", bodyHtml: "<p>Same.</p>" } });
      const a = await makeAmendment({ definitionId: definition.id, versionId: version.id, authorId: world.someone.id, status: "seeking" });
      return (actor) => setDispositions({ actor, input: { targets: [`comment:${copy.id}`, `amendment:${a.id}`], kind: "duplicate", reason: "Raised in the first thread.", duplicateOf: `comment:${original.id}` } });
    } },
  { name: "appointMaintainer", rule: "admin", cell: async () => {
      const [{ definition }, person] = await Promise.all([definitionWithVersion(), makeUser()]);
      return (actor) => appointMaintainer({ actor, input: { definitionId: definition.id, handle: person.handle } });
    } },
  { name: "removeMaintainer", rule: "admin", cell: async () => {
      const [{ definition }, person] = await Promise.all([definitionWithVersion(), makeUser()]);
      await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: person.id } });
      return (actor) => removeMaintainer({ actor, input: { definitionId: definition.id, handle: person.handle } });
    } },
  { name: "setUserRole", rule: "admin", cell: async () => {
      const person = await makeUser();
      return (actor) => setUserRole({ actor, input: { handle: person.handle, role: "moderator" } });
    } },
  { name: "createDefinition", rule: "admin", cell: async () => {
      const slug = `matrix-${randomUUID().slice(0, 8)}`;
      return (actor) => createDefinition({ actor, input: { slug, title: "A definition", steward: "A steward", summary: "What it defines.", sources: [] } });
    } },
  { name: "proposeCorrection", rule: "member", cell: async () => {
      const system = await makeSystem();
      const input = { systemSlug: system.slug, criterion: "trainingCode", value: "yes" as const, explanation: "The training code is public now.", sources: ["https://example.org/code"], asOf: "2026-01-01" };
      return (actor) => proposeCorrection({ actor, input });
    } },
  { name: "proposeRuleChange (own)", rule: "member", cell: async (own) => {
      const { amendment: a } = await amendment(own.id, "seeking");
      return (actor) => proposeRuleChange({ actor, input: { amendmentId: a.id, criterion: "trainingData", value: "required", rationale: "Data must be released." } });
    } },
  { name: "decideCorrection", rule: "curator", cell: async () => {
      const system = await makeSystem();
      const correction = await db.factCorrection.create({ data: { systemId: system.id, criterion: "weights", value: "no", explanation: "The licence restricts use.", sources: "[\"https://example.org/licence\"]", asOf: "2026-01-01", proposerId: world.someone.id } });
      return (actor) => decideCorrection({ actor, input: { correctionId: correction.id, outcome: "accepted", reason: "Checked the licence." } });
    } },
  { name: "setCurator", rule: "admin", cell: async () => {
      const person = await makeUser();
      return (actor) => setCurator({ actor, input: { handle: person.handle, curator: "yes" } });
    } },
  { name: "setDraftRules", rule: "maintainer", refusedAs: "not_found", cell: async () => {
      const d = await draft();
      return (actor) => setDraftRules({ actor, input: { draftId: d.draft.id, rules: completeRuleSet({ trainingData: "required" }) } });
    } },
];

beforeAll(async () => {
  // The matrix proposes and resubmits many amendments; their hourly limit has its own tests.
  process.env.AMENDMENT_PROPOSALS_PER_HOUR = "0";
  world = await makeWorld();
});
afterAll(() => {
  delete process.env.AMENDMENT_PROPOSALS_PER_HOUR;
});

describe.each(ROWS)("$name (rule: $rule)", ({ rule, refusedAs = "forbidden", cell }) => {
  it.each(ROLES.map((role) => [role, expected(rule, role, refusedAs)] as const))("%s: %s", async (role, outcome) => {
    const actor = world.actors[role];
    const run = await cell(actor ?? world.someone);
    if (outcome === "allowed") {
      await run(actor);
      return;
    }
    await expectRefusedWithoutWriting(() => run(actor), outcome);
  });
});
