import type { Metadata } from "next";
import Link from "next/link";
import { findSignInLink } from "@/lib/auth/sign-in-link";
import { localPath } from "@/lib/http/same-origin";
import { signInCsrfToken } from "@/lib/http/request-headers";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm sign-in" };

// Where a sign-in e-mail's link leads. Opening it signs nobody in (a mail scanner
// may open it first); the button posts the token to next-auth's e-mail callback,
// which lib/auth/guard-auth-request.ts lets through only from this page
// (docs/decisions/022-sign-in.md).
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<{ token?: string; callbackUrl?: string }> }) {
  const { token, callbackUrl } = await searchParams;
  const link = typeof token === "string" ? await findSignInLink(token) : null;
  if (!link || typeof token !== "string") {
    return (
      <>
        <h1>This sign-in link does not work</h1>
        <p>It has expired (links last 30 minutes), was used already, or was copied incompletely. <Link href="/signin">Ask for a new link</Link>.</p>
      </>
    );
  }
  const csrfToken = await signInCsrfToken();
  const action = `/api/auth/callback/email?${new URLSearchParams({ token, callbackUrl: localPath(typeof callbackUrl === "string" ? callbackUrl : undefined, "/") })}`;
  return (
    <>
      <h1>Sign in to OpenDef</h1>
      <p>You are signing in as <strong>{link.email}</strong>. If you did not ask for this link, close this page.</p>
      <form method="post" action={action}>
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <p><button type="submit">Sign in</button></p>
      </form>
    </>
  );
}
