import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { outboxEnabled } from "@/lib/mail/outbox-enabled";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Local outbox", robots: { index: false } };

export default async function OutboxPage() {
  if (!outboxEnabled()) notFound();
  const mails = await db.outboxMail.findMany({ orderBy: { createdAt: "desc" }, take: 50 });
  return (
    <>
      <h1>Local outbox</h1>
      <p className="lede">No SMTP server is configured, so OpenDef keeps outgoing mail here. This page does not exist once SMTP is configured or in production.</p>
      {mails.length === 0 && <p>No mail yet.</p>}
      <ol className="outbox">
        {mails.map((m) => (
          <li key={m.id} className="card">
            <h2>{m.subject}</h2>
            <p className="muted">To {m.to} · <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toISOString()}</time></p>
            <pre style={{ whiteSpace: "pre-wrap" }}>
              {m.text.split(/(https?:\/\/\S+)/).map((part, i) => (i % 2 === 1 ? <a key={i} href={part}>{part}</a> : part))}
            </pre>
          </li>
        ))}
      </ol>
    </>
  );
}
