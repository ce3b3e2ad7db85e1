"use client";
import { Fragment, useActionState, useEffect, useOptimistic, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ActionState } from "@/lib/errors/action-result";
import { useInPlaceSlot } from "@/app/_components/in-place";
import { useTextTypedBeforeHydration } from "@/app/_components/kept-textarea";

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
  /**
   * With JavaScript, answer in place instead of re-rendering the page: the action
   * gets `respond=in-place` and returns only what changed (ActionState.inPlace),
   * shown at once as typed (useOptimistic) and then as stored. "append" lists it
   * below the form (a new comment), "close" shows it instead of the form (a
   * reply), "slot" hands it to the enclosing InPlaceSlot (an edit, a vote).
   * Without JavaScript the form posts as before and the action redirects.
   */
  inPlace?: "append" | "close" | "slot";
  /**
   * With inPlace: what the server last rendered around the form (a thread's total).
   * When a navigation renders something new, the in-place answers are dropped, the
   * page now shows them. Not a key: a key would move the form in the tree, and a
   * form posted without JavaScript finds its answer (a refusal, the typed text) by
   * its place, so a refusal right after someone else's post would lose both.
   */
  renderedAs?: string | number;
};

/** The pending text of a form answered in place, shown until the server answers. */
function Pending({ text, inList }: { text: string; inList: boolean }) {
  const body = (
    <div className="comment-body pending" aria-busy="true">
      <p className="muted">Saving…</p>
      <p>{text}</p>
    </div>
  );
  return inList ? <li className="comment-li"><article className="comment">{body}</article></li> : body;
}

/**
 * A plain <form> posting to a server action: it works without JavaScript, and with
 * it the page updates in place. A refusal shows the use case's message and keeps
 * what was typed.
 */
export function ActionForm({ action, hidden, submitLabel, className, textarea, buttons, children, inPlace, renderedAs }: Props) {
  const [formState, formAction, formPending] = useActionState(action, { error: null });
  // The answer of the last in-place submission (JavaScript only), and the ones before it.
  const [answered, setAnswered] = useState<ActionState | null>(null);
  const [earlier, setEarlier] = useState<{ id: string; node: ReactNode }[]>([]);
  const [answering, startAnswer] = useTransition();
  const [optimistic, addOptimistic] = useOptimistic<string | null, string>(null, (_, text) => text);
  // The button whose choice an in-place answer took (a vote): pressed from then on, the others not.
  const [chosen, setChosen] = useState<string | null>(null);
  const [seen, setSeen] = useState(renderedAs);
  if (seen !== renderedAs) {
    setSeen(renderedAs);
    setAnswered(null);
    setEarlier([]);
    setChosen(null);
  }
  const toSlot = useInPlaceSlot();
  const state = answered ?? formState;
  const pending = formPending || answering;
  const errorRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // What was typed into an edit form before the page's scripts ran is what is saved.
  const boxRef = useTextTypedBeforeHydration(textarea?.id);
  useEffect(() => {
    if (state.error) errorRef.current?.focus();
    else if (state.inPlace) document.getElementById(`comment-${state.inPlace.id}`)?.focus();
  }, [state]);
  // Refused by the posting interval (issue 12): the text is kept, so send it again once the wait is over.
  const resend = textarea && !buttons && state.retryAfter !== undefined ? state.retryAfter : null;
  useEffect(() => {
    if (resend === null) return;
    const timer = setTimeout(() => formRef.current?.requestSubmit(), resend * 1000 + 300);
    return () => clearTimeout(timer);
  }, [state, resend]);

  function answerInPlace(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(form, submitter);
    data.set("respond", "in-place");
    const text = data.get("body");
    if (answered?.inPlace) setEarlier((list) => [...list, answered.inPlace!]);
    startAnswer(async () => {
      if (typeof text === "string") addOptimistic(text);
      // The previous state is not sent back: what the server rendered cannot travel to it.
      const next = await action({ error: null }, data);
      startAnswer(() => {
        setAnswered(next);
        if (next.inPlace && !next.error) {
          form.reset();
          if (inPlace === "slot") toSlot?.(next.inPlace.node);
          if (submitter instanceof HTMLButtonElement && submitter.value) setChosen(submitter.value);
          // The reply or edit form is open because of ?reply= or ?edit=: that is done now.
          const url = new URL(window.location.href);
          url.searchParams.delete("reply");
          url.searchParams.delete("edit");
          window.history.replaceState(null, "", url);
        }
      });
    });
  }

  const done = state.inPlace && !state.error;
  if (inPlace === "close" && (done || optimistic !== null)) {
    return <ol className="replies">{optimistic !== null ? <Pending text={optimistic} inList /> : state.inPlace!.node}</ol>;
  }
  if (inPlace === "slot" && textarea && optimistic !== null) return <Pending text={optimistic} inList={false} />;

  const errorId = textarea ? `${textarea.id}-error` : undefined;
  const form = (
    <form action={formAction} onSubmit={inPlace ? answerInPlace : undefined} className={className} ref={formRef}>
      {Object.entries(hidden).map(([name, value]) => (value == null ? null : <input key={name} type="hidden" name={name} value={value} />))}
      {children}
      {textarea && (
        <>
          <label htmlFor={textarea.id}>{textarea.label}</label>
          {textarea.hint && <p className="muted hint" id={`${textarea.id}-hint`}>{textarea.hint}</p>}
          <textarea
            id={textarea.id}
            name="body"
            ref={boxRef}
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
            <button key={b.value} type="submit" name={b.name} value={b.value} disabled={pending} aria-pressed={b.pressed === undefined ? undefined : chosen !== null ? b.value === chosen : b.pressed}>
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
  if (inPlace !== "append") return form;
  const posted = [...earlier, ...(done ? [state.inPlace!] : [])];
  return (
    <>
      {form}
      {(posted.length > 0 || optimistic !== null) && (
        <ol className="thread just-posted" aria-label="Your new comments">
          {posted.map((p) => <Fragment key={p.id}>{p.node}</Fragment>)}
          {optimistic !== null && <Pending text={optimistic} inList />}
        </ol>
      )}
    </>
  );
}

