"use client";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/errors/action-result";

type Props = {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string | null | undefined>;
  submitLabel: string;
  className?: string;
  /** A Markdown textarea with this label; none for a button-only form. */
  textarea?: { id: string; label: string; defaultValue?: string; autoFocus?: boolean; hint?: string; rows?: number };
  /** Several submit buttons, each sending its own value (e.g. accept / reject). */
  buttons?: { name: string; value: string; label: string; pressed?: boolean }[];
  /** Extra fields, shown before the textarea. */
  children?: React.ReactNode;
};

/**
 * A plain <form> posting to a server action: it works without JavaScript, and with
 * it the page updates in place. A refusal shows the use case's message and keeps
 * what was typed.
 */
export function ActionForm({ action, hidden, submitLabel, className, textarea, buttons, children }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  const errorRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.error) errorRef.current?.focus();
  }, [state]);
  // Refused by the posting interval (issue 12): the text is kept, so send it again once the wait is over.
  const resend = textarea && !buttons && state.retryAfter !== undefined ? state.retryAfter : null;
  useEffect(() => {
    if (resend === null) return;
    const timer = setTimeout(() => formRef.current?.requestSubmit(), resend * 1000 + 300);
    return () => clearTimeout(timer);
  }, [state, resend]);
  const errorId = textarea ? `${textarea.id}-error` : undefined;
  return (
    <form action={formAction} className={className} ref={formRef}>
      {Object.entries(hidden).map(([name, value]) => (value == null ? null : <input key={name} type="hidden" name={name} value={value} />))}
      {children}
      {textarea && (
        <>
          <label htmlFor={textarea.id}>{textarea.label}</label>
          {textarea.hint && <p className="muted hint" id={`${textarea.id}-hint`}>{textarea.hint}</p>}
          <textarea
            id={textarea.id}
            name="body"
            rows={textarea.rows ?? 5}
            required
            // Keep the text after a refusal: React resets a form after its action.
            key={state.body ?? textarea.defaultValue ?? ""}
            defaultValue={state.body ?? textarea.defaultValue}
            autoFocus={textarea.autoFocus}
            aria-invalid={state.error ? true : undefined}
            aria-describedby={[state.error ? errorId : null, textarea.hint ? `${textarea.id}-hint` : null].filter(Boolean).join(" ") || undefined}
          />
        </>
      )}
      {state.error && (
        <p className="form-error" role="alert" id={errorId} tabIndex={-1} ref={errorRef}>
          {state.error}
          {resend !== null && " This form sends it again by itself then."}
        </p>
      )}
      {buttons ? (
        <p className="button-row">
          {buttons.map((b) => (
            <button key={b.value} type="submit" name={b.name} value={b.value} disabled={pending} aria-pressed={b.pressed}>
              {b.label}
            </button>
          ))}
        </p>
      ) : (
        <button type="submit" disabled={pending} className={textarea || children ? undefined : "link"}>
          {pending ? "Saving…" : submitLabel}
        </button>
      )}
    </form>
  );
}
