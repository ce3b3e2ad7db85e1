import type { Mail } from "@/lib/mail/send-mail";

export function signInMail(to: string, url: string): Mail {
  return {
    to,
    subject: "Sign in to OpenDef",
    text: `Open this link to sign in to OpenDef:\n\n${url}\n\nThe link works once and expires in 30 minutes. If you did not ask for it, ignore this e-mail.\n`,
  };
}
