import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/auth-options";
import { currentUser } from "@/lib/auth/current-user";
import { mailTransport } from "@/lib/mail/mail-transport";
import { SignInForms } from "@/app/signin/sign-in-forms";
import { localPath } from "@/lib/http/same-origin";
import { signInCsrfToken } from "@/lib/http/request-headers";
import { describeWait } from "@/lib/rate-limits/enforce-comment-limits";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was used already. Ask for a new one.",
  EmailSignin: "We could not send the sign-in e-mail. Try again in a moment.",
  OAuthAccountNotLinked: "This e-mail address is already linked to another sign-in method. Use the one you used before.",
  AccessDenied: "Sign-in was refused.",
  FormExpired: "The sign-in form had expired. Try again: this one is fresh.",
};

/** Why a sign-in was refused, and for a rate limit when to try again. */
function errorMessage(error: string, retryAfter: string | undefined): string {
  const seconds = Number(retryAfter);
  if (error === "RateLimited" && Number.isInteger(seconds) && seconds > 0) {
    return `Too many sign-in links were asked for this address, or from your network, in the last hour. Use the newest link you received, or wait about ${describeWait(seconds)} and try again.`;
  }
  return ERRORS[error] ?? "Sign-in did not work. Try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string; retryAfter?: string }> }) {
  const { error, callbackUrl: askedFor, retryAfter } = await searchParams;
  // Only a path on this site: "//host" or "/\host" would send the visitor elsewhere.
  const callbackUrl = localPath(typeof askedFor === "string" ? askedFor : undefined, "/");
  if (await currentUser()) redirect(callbackUrl);
  const csrfToken = await signInCsrfToken();
  const providers = authOptions()
    .providers.filter((p) => p.type === "oauth")
    .map((p) => ({ id: p.id, name: p.name }));
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">Reading needs no account. Sign in to comment, propose amendments and vote.</p>
      {typeof error === "string" && <p className="form-error" role="alert">{errorMessage(error, retryAfter)}</p>}
      <SignInForms providers={providers} callbackUrl={callbackUrl} csrfToken={csrfToken} />
      {mailTransport() === "none" && <p className="notice">E-mail sign-in is not available here: this server has no mail server configured.</p>}
      {mailTransport() === "outbox" && (
        <p className="notice">
          No mail server is configured: sign-in e-mails are kept in the <a href="/dev/outbox">local outbox</a> and printed on the server console.
        </p>
      )}
    </>
  );
}
