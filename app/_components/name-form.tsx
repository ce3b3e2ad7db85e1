"use client";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/errors/action-result";
import { DISPLAY_NAME_MAX } from "@/lib/users/display-name-limits";

type Props = {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  defaultName: string;
  returnTo: string;
  submitLabel: string;
  hint: string;
};

/** The display-name form (first sign-in prompt and /settings): a plain form that works without JavaScript, keeping what was typed after a refusal. */
export function NameForm({ action, defaultName, returnTo, submitLabel, hint }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.error) errorRef.current?.focus();
  }, [state]);
  const value = state.body ?? defaultName;
  return (
    <form action={formAction}>
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor="display-name">Display name</label>
      <p className="muted hint" id="display-name-hint">{hint}</p>
      <input
        type="text"
        id="display-name"
        name="name"
        key={value}
        defaultValue={value}
        required
        maxLength={DISPLAY_NAME_MAX}
        autoComplete="nickname"
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? "display-name-hint display-name-error" : "display-name-hint"}
      />
      {state.error && (
        <p className="form-error" role="alert" id="display-name-error" tabIndex={-1} ref={errorRef}>
          {state.error}
        </p>
      )}
      <p>
        <button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</button>
      </p>
    </form>
  );
}
