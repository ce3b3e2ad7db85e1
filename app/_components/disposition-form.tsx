"use client";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/errors/action-result";
// Not the schema file: it would bring zod into the browser, whose eval probe breaks the CSP.
import { DISPOSITION_LABELS, DISPOSITION_REASON_MAX, type DispositionKind } from "@/lib/dispositions/disposition-kinds";

type Props = {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string | null | undefined>;
  kinds: DispositionKind[];
  /** Unique on the page: the fields' ids start with it. */
  idPrefix: string;
  /** For the bulk form: checkboxes elsewhere on the page join it with form={formId}. */
  formId?: string;
  submitLabel?: string;
  legend: string;
};

/**
 * Gives a thread or an amendment (or several) an answer: a plain form that
 * works without JavaScript. A refusal shows the use case's message and keeps
 * the reason typed.
 */
export function DispositionForm({ action, hidden, kinds, idPrefix, formId, submitLabel = "Save answer", legend }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.error) errorRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} id={formId} className="disposition-form">
      {Object.entries(hidden).map(([name, value]) => (value == null ? null : <input key={name} type="hidden" name={name} value={value} />))}
      <fieldset>
        <legend>{legend}</legend>
        <label htmlFor={`${idPrefix}-kind`}>Answer</label>{" "}
        <select id={`${idPrefix}-kind`} name="kind" required defaultValue={kinds[0]}>
          {kinds.map((k) => <option key={k} value={k}>{DISPOSITION_LABELS[k]}</option>)}
        </select>
        {kinds.includes("duplicate") && (
          <>
            {" "}
            <label htmlFor={`${idPrefix}-dup`}>Duplicate of (link to the thread or amendment; only for &ldquo;Duplicate&rdquo;)</label>{" "}
            <input id={`${idPrefix}-dup`} name="duplicateOf" type="text" size={40} />
          </>
        )}
        <label htmlFor={`${idPrefix}-reason`}>Reason (Markdown, published with the answer)</label>
        <textarea
          id={`${idPrefix}-reason`}
          name="reason"
          rows={3}
          maxLength={DISPOSITION_REASON_MAX}
          key={state.body ?? ""}
          defaultValue={state.body ?? ""}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? `${idPrefix}-error` : undefined}
        />
        {state.error && (
          <p className="form-error" role="alert" id={`${idPrefix}-error`} tabIndex={-1} ref={errorRef}>
            {state.error}
          </p>
        )}
        <button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</button>
      </fieldset>
    </form>
  );
}
