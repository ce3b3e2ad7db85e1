import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Signed out everywhere" };

export default function SignedOutEverywherePage() {
  return (
    <>
      <h1>Signed out everywhere</h1>
      <p>Every session of your account has ended, on every device. <Link href="/signin">Sign in</Link> again when you like.</p>
    </>
  );
}
