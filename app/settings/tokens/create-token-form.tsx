"use client";
import { useActionState } from "react";
import type { CreateTokenState } from "@/app/settings/tokens/token-actions";

type Props = { action: (previous: CreateTokenState, form: FormData) => Promise<CreateTokenState>; maxDays: number; scopes: readonly string[] };

/** Creates a token and shows its secret once: it is stored hashed and cannot be shown again. */
export function CreateTokenForm({ action, maxDays, scopes }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <>
      {state.secret && (
        <div className="card" role="status">
          <p>
            Your new token <strong>{state.name}</strong>. Copy it now: it is shown only this once.
          </p>
          <p>
            <code data-testid="new-token">{state.secret}</code>
          </p>
        </div>
      )}
      <form action={formAction}>
        <label htmlFor="token-name">Name</label>
        <input id="token-name" name="name" required maxLength={80} placeholder="e.g. my comment bot" />
        <fieldset>
          <legend>Scopes</legend>
          {scopes.map((scope) => (
            <label key={scope}>
              <input type="checkbox" name={`scope-${scope}`} defaultChecked={scope === "read"} /> {scope}
            </label>
          ))}
        </fieldset>
        <label htmlFor="token-days">Expires after (days)</label>
        <input id="token-days" name="expiresInDays" type="number" min={1} max={maxDays} defaultValue={90} required />
        {state.error && (
          <p className="form-error" role="alert">
            {state.error}
          </p>
        )}
        <p>
          <button type="submit" disabled={pending}>Create token</button>
        </p>
      </form>
    </>
  );
}
