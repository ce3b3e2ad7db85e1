"use server";
import { formAction, type FormReader } from "@/lib/actions/form-action";
import { openBallot } from "@/lib/ballots/open-ballot";
import type { OpenBallotInput } from "@/lib/ballots/open-ballot.schema";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { closeBallot } from "@/lib/ballots/close-ballot";
import { decideBallotTie } from "@/lib/ballots/decide-ballot-tie";
import { acceptBallotWinner } from "@/lib/ballots/accept-ballot-winner";
import { WRITTEN_OPTION_ROWS } from "@/lib/ballots/ballot-rules";
import { ballotPath } from "@/lib/paths";

// Thin: the use cases decide who may do what and check every field. Actions that
// come back to the same page with only a #fragment refresh it first.

const ballotPage = (form: FormReader, id?: string) => ballotPath(form.get("slug") ?? "", id ?? form.get("ballotId") ?? "");

/** The options as the form lists them: ticked amendments, then the written rows that have a label or a text. */
function optionsOf(form: FormReader): OpenBallotInput["options"] {
  const amendments = (form.get("amendmentIds") ?? "").split(",").filter((id) => id && form.get(`amendment:${id}`));
  const written = Array.from({ length: WRITTEN_OPTION_ROWS }, (_, i) => ({ label: form.get(`label${i + 1}`) ?? "", text: form.get(`text${i + 1}`) ?? "", sectionKey: form.get(`section${i + 1}`) || undefined, majority: form.get(`majority${i + 1}`) }));
  return [
    ...amendments.map((amendmentId) => ({ amendmentId, majority: form.get(`majority:${amendmentId}`) })),
    ...written.filter((o) => o.label.trim() || o.text.trim()),
  ];
}

export const openBallotAction = formAction(async ({ actor, form }) => {
  const opened = await openBallot({
    actor,
    input: {
      versionId: form.get("versionId") ?? "",
      sectionKey: form.get("sectionKey") ?? "",
      title: form.get("title") ?? "",
      opensAt: form.get("opensAt") ?? "",
      days: form.get("days") ?? "",
      quorum: form.get("quorumRule") === "debian" ? "debian" : form.get("quorum") || 0,
      secret: form.get("secret") === "on",
      options: optionsOf(form),
    },
  });
  return ballotPath(opened.definitionSlug, opened.ballotId);
});

export const castBallotAction = formAction(async ({ actor, form }) => {
  const ids = (form.get("optionIds") ?? "").split(",").filter(Boolean);
  await castBallot({ actor, input: { ballotId: form.get("ballotId") ?? "", ranks: Object.fromEntries(ids.map((id) => [id, form.get(`rank:${id}`) ?? ""])) } });
  return `${ballotPage(form)}?voted=1#your-ballot`;
});

export const closeBallotAction = formAction(async ({ actor, form }) => {
  await closeBallot({ actor, input: { ballotId: form.get("ballotId") ?? "" } });
  return `${ballotPage(form)}#results`;
}, { refresh: true });

export const decideTieAction = formAction(async ({ actor, form }) => {
  await decideBallotTie({ actor, input: { ballotId: form.get("ballotId") ?? "", optionId: form.get("optionId") ?? "" } });
  return `${ballotPage(form)}#results`;
}, { refresh: true });

export const acceptWinnerAction = formAction(async ({ actor, form }) => {
  await acceptBallotWinner({ actor, input: { ballotId: form.get("ballotId") ?? "" } });
  return `${ballotPage(form)}#results`;
}, { refresh: true });
