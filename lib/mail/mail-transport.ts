// How sign-in e-mails leave this server. No "server-only" import: lib/server/serve.ts
// asks the same question in its start-up checks, outside Next.
//   smtp    SMTP_URL is set
//   outbox  the local outbox at /dev/outbox (development, or OPENDEF_DEV_OUTBOX=1)
//   none    production without SMTP_URL: a link would reach only the server console,
//           so e-mail sign-in is not available
export type MailTransport = "smtp" | "outbox" | "none";

export function mailTransport(env: NodeJS.ProcessEnv = process.env): MailTransport {
  if (env.SMTP_URL) return "smtp";
  if (env.NODE_ENV !== "production" || env.OPENDEF_DEV_OUTBOX === "1") return "outbox";
  return "none";
}
