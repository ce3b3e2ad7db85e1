// A real SMTP server for browser tests: it accepts every message on 127.0.0.1,
// parses it and keeps it in memory, and lets tests read it back over HTTP.
//
//   npx tsx e2e/support/smtp-server.ts
//   curl http://127.0.0.1:4402/health
//   curl 'http://127.0.0.1:4402/messages?to=someone@example.test'
import { createServer } from "node:http";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

const HOST = "127.0.0.1";
const SMTP_PORT = Number(process.env.SMTP_PORT ?? 2525);
const HTTP_PORT = Number(process.env.SMTP_HTTP_PORT ?? 4402);
const MAX_MESSAGES = 1000;

export interface StoredMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  date: string;
}

const messages: StoredMessage[] = []; // newest first

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((group) => group.value.map((a) => a.address ?? "")).filter(Boolean);
}

const smtp = new SMTPServer({
  // Its built-in certificate has expired, and nothing here needs TLS.
  disabledCommands: ["STARTTLS"],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const envelope = session.envelope.rcptTo.map((r) => r.address);
        const to = [...new Set([...envelope, ...addresses(mail.to)].map((a) => a.toLowerCase()))];
        messages.unshift({
          to,
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
          date: (mail.date ?? new Date()).toISOString(),
        });
        messages.length = Math.min(messages.length, MAX_MESSAGES);
        console.log(`smtp: ${to.join(", ")}: ${mail.subject ?? ""}`);
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
smtp.on("error", (error) => console.error("smtp error:", error));

const http = createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://${HOST}:${HTTP_PORT}`);
  if (req.method === "GET" && url.pathname === "/health") {
    res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    return;
  }
  if (req.method === "GET" && url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    const found = to ? messages.filter((m) => m.to.includes(to)) : messages;
    res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify(found));
    return;
  }
  res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
});

smtp.listen(SMTP_PORT, HOST, () => console.log(`Test SMTP server on smtp://${HOST}:${SMTP_PORT}`));
http.listen(HTTP_PORT, HOST, () => console.log(`Test mailbox on http://${HOST}:${HTTP_PORT}/messages?to=ADDRESS`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    http.close();
    smtp.close(() => process.exit(0));
  });
}
