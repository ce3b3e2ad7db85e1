import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { mailTransport } from "@/lib/mail/mail-transport";

export type Mail = { to: string; subject: string; text: string; html?: string };

let transport: nodemailer.Transporter | undefined;

/**
 * Sends through SMTP_URL when it is set. Without it (the embedded default) the
 * mail goes to the local outbox table and the server console, readable at
 * /dev/outbox, so a newcomer can sign in with no mail server at all.
 */
export async function sendMail(mail: Mail): Promise<void> {
  if (mailTransport() === "smtp") {
    transport ??= nodemailer.createTransport(process.env.SMTP_URL);
    await transport.sendMail({ from: mailFrom(), ...mail });
    return;
  }
  await db.outboxMail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html } });
  console.log(`[outbox] to ${mail.to}: ${mail.subject}\n${mail.text}`);
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "OpenDef <no-reply@opendef.localhost>";
}
