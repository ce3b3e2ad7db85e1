"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";

export function SignInForms({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  const [email, setEmail] = useState("");
  const [pending, setPending] = useState(false);
  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setPending(true);
          void signIn("email", { email, callbackUrl });
        }}
      >
        <label htmlFor="email">Email address</label>
        <input id="email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <p><button type="submit" disabled={pending}>Email me a sign-in link</button></p>
      </form>
      {providers.length > 0 && (
        <section aria-labelledby="other-ways">
          <h2 id="other-ways">Or use an account you have</h2>
          {providers.map((p) => (
            <p key={p.id}>
              <button type="button" className="secondary" onClick={() => void signIn(p.id, { callbackUrl })}>
                Sign in with {p.name}
              </button>
            </p>
          ))}
        </section>
      )}
    </>
  );
}
