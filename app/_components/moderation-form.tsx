"use client";
import { useActionState, useEffect, useId, useRef } from "react";

export type ModerationState = { error: string | null; done?: string | null };

type Props = {
  action: (previous: ModerationState, form: FormData) => Promise<ModerationState>;
  hidden: Record<string, string | null | undefined>;
  submitLabel: string;
  /** A reason field; none for a button-only form. */
  reason?: { label: string; hint?: string; required?: boolean; maxLength: number };
  /** Collapsed behind this summary (a <details>, so it opens without JavaScript). */
  summary?: string;
  className?: string;
  /** With summary: open from the start (a page that opened this form by a link). */
  open?: boolean;
};

/**
 * A plain <form> posting to a moderation server action: it works without
 * JavaScript. A refusal (including "try again in …" when rate-limited) or a
 * confirmation is announced where the form is.
 */
export function ModerationForm({ action, hidden, submitLabel, reason, summary, className, open = false }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  const id = useId();
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.error || state.done) messageRef.current?.focus();
  }, [state]);

  const form = (
    <form action={formAction} className={summary ? "moderation-form" : (className ?? "inline-form")}>
      {Object.entries(hidden).map(([name, value]) => (value == null ? null : <input key={name} type="hidden" name={name} value={value} />))}
      {reason && (
        <>
          <label htmlFor={`${id}-reason`}>{reason.label}</label>
          {reason.hint && <span className="muted hint" id={`${id}-hint`}>{reason.hint}</span>}
          <input
            id={`${id}-reason`}
            name="reason"
            type="text"
            required={reason.required ?? true}
            maxLength={reason.maxLength}
            aria-describedby={reason.hint ? `${id}-hint` : undefined}
            aria-invalid={state.error ? true : undefined}
            autoFocus={open}
          />
        </>
      )}
      <button type="submit" disabled={pending} className={reason ? undefined : "link"}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );

  const message = state.error ? (
    <p className="form-error" role="alert" tabIndex={-1} ref={messageRef}>{state.error}</p>
  ) : state.done ? (
    <p className="notice" role="status" tabIndex={-1} ref={messageRef}>{state.done}</p>
  ) : null;

  if (!summary) {
    return (
      <>
        {form}
        {message}
      </>
    );
  }
  return (
    <details className={className ?? "inline-details"} open={Boolean(open || state.error || state.done) || undefined}>
      <summary>{summary}</summary>
      {state.done ? message : <>{form}{message}</>}
    </details>
  );
}
