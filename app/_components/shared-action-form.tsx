"use client";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/errors/action-result";

/**
 * A form with only hidden fields, submitted by buttons elsewhere on the page
 * (`<button form={id} name=… value=…>`): a thread's fifty "Follow thread" buttons
 * share one form instead of carrying fifty. It works without JavaScript (the
 * browser sends the button's name and value with the form's fields); a refusal is
 * shown where the form is.
 */
export function SharedActionForm({ id, action, hidden }: { id: string; action: (previous: ActionState, form: FormData) => Promise<ActionState>; hidden: Record<string, string | null | undefined> }) {
  const [state, formAction] = useActionState(action, { error: null });
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.error) errorRef.current?.focus();
  }, [state]);
  return (
    <form id={id} action={formAction}>
      {Object.entries(hidden).map(([name, value]) => (value == null ? null : <input key={name} type="hidden" name={name} value={value} />))}
      {state.error && <p className="form-error" role="alert" tabIndex={-1} ref={errorRef}>{state.error}</p>}
    </form>
  );
}
