import type { Metadata } from "next";
import { outboxEnabled } from "@/lib/mail/outbox-enabled";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p>We sent you a sign-in link. It works once and expires in 30 minutes.</p>
      {outboxEnabled() && <p className="notice">No mail server is configured here: open the <a href="/dev/outbox">local outbox</a> to find the link.</p>}
    </>
  );
}
