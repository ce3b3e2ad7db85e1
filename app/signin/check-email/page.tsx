import type { Metadata } from "next";
import { mailTransport } from "@/lib/mail/mail-transport";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  const transport = mailTransport();
  // Production without SMTP_URL: the link went only to the server console, so
  // saying "we sent you a link" would send the reader to an empty inbox.
  if (transport === "none") {
    return (
      <>
        <h1>E-mail sign-in is not available</h1>
        <p>This server has no mail server configured, so no sign-in link was sent. <a href="/signin">Sign in another way</a> if one is offered, or ask the people who run this site.</p>
      </>
    );
  }
  return (
    <>
      <h1>Check your email</h1>
      <p>We sent you a sign-in link. It works once and expires in 30 minutes.</p>
      {transport === "outbox" && <p className="notice">No mail server is configured here: open the <a href="/dev/outbox">local outbox</a> to find the link.</p>}
    </>
  );
}
