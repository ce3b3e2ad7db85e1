import "server-only";
import { redirect } from "next/navigation";
import { refresh as refreshPage } from "next/cache";
import type { z } from "zod";
import { currentUser, type Actor } from "@/lib/auth/current-user";
import { actionError, type ActionState } from "@/lib/errors/action-result";
import { localPath } from "@/lib/http/same-origin";

/** A submitted form, read as text: what every server action needs from it. */
export type FormReader = {
  /**
   * The text fields named by the schema's keys, typed as the use case's input.
   * Unchecked: a form is a public POST and sends what it likes; the use case's
   * own parse (parseInput) is the check, and says what is wrong.
   */
  fields<Schema extends z.ZodObject>(schema: Schema): z.input<Schema>;
  /** One text field, or undefined when absent or a file. */
  get(name: string): string | undefined;
  /** Every text value of a field sent several times (checkboxes of one name). */
  all(name: string): string[];
  /** One uploaded file, or undefined when absent or empty. */
  file(name: string): File | undefined;
  /** A path on this site to go back to, or `fallback` ("//host" or "/\host" would leave it). */
  returnTo(fallback: string): string;
};

function reader(form: FormData): FormReader {
  const get = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    get,
    all: (name) => form.getAll(name).filter((value): value is string => typeof value === "string"),
    file: (name) => {
      const value = form.get(name);
      return value instanceof File && value.size > 0 ? value : undefined;
    },
    fields: (schema) => Object.fromEntries(Object.keys(schema.shape).map((key) => [key, get(key)])) as never,
    returnTo: (fallback) => localPath(get("returnTo"), fallback),
  };
}

type Options<State extends ActionState> = {
  /** What the form gets back with a refusal besides its message: the text typed, so nothing is lost. */
  keep?: (form: FormReader) => Partial<State>;
  /** Render the new state before redirecting: a target that differs only by its #fragment is otherwise just a scroll. */
  refresh?: boolean;
  /** false for the few actions that need no account (a token is the credential): the session is not read. */
  signedIn?: false;
};

/**
 * The one preamble of every server action, each of which is a public POST
 * endpoint: read the signed-in user (null when there is none: the use case's
 * guard refuses, so a refusal always comes from the same place), run the use
 * case, and answer the form. `run` returns a path to redirect to, or a state
 * for the form (a preview, a conflict to resolve, a confirmation). An AppError
 * becomes its message for the form; anything else is logged and reported
 * generically (lib/errors/action-result.ts).
 */
export function formAction<State extends ActionState = ActionState>(
  run: (context: { actor: Actor | null; form: FormReader }) => Promise<string | State>,
  { keep, refresh = false, signedIn }: Options<State> = {},
): (previous: State, form: FormData) => Promise<State> {
  return async (_previous, data) => {
    const form = reader(data);
    let next: string | State;
    try {
      const actor = signedIn === false ? null : await currentUser();
      next = await run({ actor, form });
    } catch (error) {
      return { ...actionError(error), ...keep?.(form) } as State;
    }
    if (typeof next !== "string") return next;
    if (refresh) refreshPage();
    redirect(next);
  };
}
