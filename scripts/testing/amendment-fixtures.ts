// Helpers for the amendment and vote database tests: a definition with its
// amendment settings, and amendments brought to a status through the use cases.
import "@/scripts/testing/require-test-database";
import { db } from "@/lib/db";
import { makeDefinition, makeUser, makeVersion, type TestUser } from "@/scripts/testing/fixtures";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import type { ProposeAmendmentInput } from "@/lib/amendments/propose-amendment.schema";
import { sponsorAmendment } from "@/lib/amendments/sponsor-amendment";

export const SECTIONS = [
  { key: "preamble", heading: "Preamble", text: "Open AI is AI anyone may use, study, modify and share." },
  { key: "data", heading: "Data Information", text: "Developers describe the training data in detail.\n\nThe data itself is optional." },
  { key: "code", heading: "Code", text: "All training and inference code is released." },
];

export async function makeAmendableDefinition(
  settings: { sponsorsRequired?: number; voteWindowDays?: number; voteVisibility?: "public" | "secret" } = {},
) {
  const created = await makeDefinition();
  const definition = await db.definition.update({ where: { id: created.id }, data: settings });
  const version = await makeVersion({ definitionId: definition.id, sections: SECTIONS });
  const [author, maintainer] = await Promise.all([makeUser(), makeUser()]);
  await db.definitionMaintainer.create({ data: { definitionId: definition.id, userId: maintainer.id } });
  return { definition, version, author, maintainer };
}

/** A valid proposal; `overrides` may make it anything a request could send, as the tests of refusals need. */
export function replaceDataInput(versionId: string, overrides: Record<string, unknown> = {}): ProposeAmendmentInput {
  return {
    versionId,
    sectionKey: "data",
    kind: "replace",
    title: "Require the training data",
    rationale: "A description cannot be audited the way data can.",
    proposedText: "Developers describe the training data in detail.\n\nThe data itself is released under an open licence.",
    ...overrides,
  } as ProposeAmendmentInput;
}

/** An amendment that has its sponsors, so its vote is open (opened at `now`). */
export async function makeVotingAmendment(
  settings: Parameters<typeof makeAmendableDefinition>[0] = {},
  now = new Date(),
): Promise<Awaited<ReturnType<typeof makeAmendableDefinition>> & { amendmentId: string; sponsors: TestUser[] }> {
  const setup = await makeAmendableDefinition(settings);
  const amendment = await proposeAmendment({ actor: setup.author, input: replaceDataInput(setup.version.id), now });
  const sponsors = await Promise.all(Array.from({ length: setup.definition.sponsorsRequired }, () => makeUser()));
  for (const sponsor of sponsors) await sponsorAmendment({ actor: sponsor, input: { amendmentId: amendment.id }, now });
  return { ...setup, amendmentId: amendment.id, sponsors };
}

/** Every table an amendment use case could write, counted. */
export async function rowCounts() {
  const [amendments, revisions, sponsorships, votes, audit] = await Promise.all([
    db.amendment.count(),
    db.amendmentRevision.count(),
    db.sponsorship.count(),
    db.vote.count(),
    db.auditEntry.count(),
  ]);
  return { amendments, revisions, sponsorships, votes, audit };
}
