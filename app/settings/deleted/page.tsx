import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Account deleted" };

export default function AccountDeletedPage() {
  return (
    <>
      <h1>Your account was deleted</h1>
      <p>Your e-mail address and sessions are gone, and your name reads “deleted member”. Thank you for taking part.</p>
      <p><Link href="/">Back to the definitions</Link></p>
    </>
  );
}
