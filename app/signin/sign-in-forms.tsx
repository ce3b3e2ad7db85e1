// Plain HTML forms that post straight to next-auth with its CSRF token (proxy.ts
// set the matching cookie): they work without JavaScript, and the e-mail address
// travels in the POST body, never in a URL.
export function SignInForms({ providers, callbackUrl, csrfToken }: { providers: { id: string; name: string }[]; callbackUrl: string; csrfToken: string }) {
  return (
    <>
      <form method="post" action="/api/auth/signin/email">
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <label htmlFor="email">Email address</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
        <p><button type="submit">Email me a sign-in link</button></p>
      </form>
      {providers.length > 0 && (
        <section aria-labelledby="other-ways">
          <h2 id="other-ways">Or use an account you have</h2>
          {providers.map((p) => (
            <form key={p.id} method="post" action={`/api/auth/signin/${encodeURIComponent(p.id)}`}>
              <input type="hidden" name="csrfToken" value={csrfToken} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <p><button type="submit" className="secondary">Sign in with {p.name}</button></p>
            </form>
          ))}
        </section>
      )}
    </>
  );
}
