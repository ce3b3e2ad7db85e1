import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/auth-options";
import { currentUser } from "@/lib/auth/current-user";
import { mailTransport } from "@/lib/mail/mail-transport";
import { SignInForms } from "@/app/signin/sign-in-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was used already. Ask for a new one.",
  EmailSignin: "We could not send the sign-in e-mail. Try again in a moment.",
  OAuthAccountNotLinked: "This e-mail address is already linked to another sign-in method. Use the one you used before.",
  AccessDenied: "Sign-in was refused.",
};

function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const { error, callbackUrl } = await searchParams;
  if (await currentUser()) redirect(safeCallback(callbackUrl));
  const providers = authOptions()
    .providers.filter((p) => p.type === "oauth")
    .map((p) => ({ id: p.id, name: p.name }));
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">Reading needs no account. Sign in to comment, propose amendments and vote.</p>
      {error && <p className="form-error" role="alert">{ERRORS[error] ?? "Sign-in did not work. Try again."}</p>}
      <SignInForms providers={providers} callbackUrl={safeCallback(callbackUrl)} />
      {mailTransport() === "none" && <p className="notice">E-mail sign-in is not available here: this server has no mail server configured.</p>}
      {mailTransport() === "outbox" && (
        <p className="notice">
          No mail server is configured: sign-in e-mails are kept in the <a href="/dev/outbox">local outbox</a> and printed on the server console.
        </p>
      )}
    </>
  );
}
