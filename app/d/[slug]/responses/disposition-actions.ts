"use server";
import { setDisposition } from "@/lib/dispositions/set-disposition";
import { setDispositions } from "@/lib/dispositions/set-dispositions";
import { formAction, type FormReader } from "@/lib/actions/form-action";
import { definitionPath } from "@/lib/paths";
import type { ActionState } from "@/lib/errors/action-result";

// Thin: the use case decides who may give which answer; then back where the form was.

function back(form: FormReader) {
  return form.returnTo(definitionPath(form.get("slug") ?? ""));
}

const keep = (form: FormReader): Partial<ActionState> => ({ body: form.get("reason") ?? "" });

export const setDispositionAction = formAction(
  async ({ actor, form }) => {
    await setDisposition({ actor, input: { target: form.get("target") ?? "", kind: form.get("kind") as never, reason: form.get("reason"), duplicateOf: form.get("duplicateOf") } });
    return back(form);
  },
  { keep, refresh: true },
);

export const setDispositionsAction = formAction(
  async ({ actor, form }) => {
    await setDispositions({ actor, input: { targets: form.all("targets"), kind: form.get("kind") as never, reason: form.get("reason"), duplicateOf: form.get("duplicateOf") } });
    return back(form);
  },
  { keep, refresh: true },
);
