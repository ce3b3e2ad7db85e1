// What lib/server/serve.ts checks once, in the primary process, before it forks any
// worker: a failed check is one line and exit 1, instead of every worker failing
// the same way (or serving pages that all answer 500).
import { databaseTarget, pendingMigrations } from "@/lib/db/migrations";
import { databaseBehindReason } from "@/lib/db/refuse-to-start-if-database-behind";
import { mailTransport } from "@/lib/mail/mail-transport";

export type StartupReport = { refusal?: string; warnings: string[] };

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The checks that need no database: the environment against how the server listens. */
export function checkEnvironment(env: NodeJS.ProcessEnv, listen: { hostname: string; port: number }): StartupReport {
  const warnings: string[] = [];
  const production = (env.NODE_ENV ?? "production") === "production";
  // next-auth answers 500 on every page that reads the session without it.
  if (production && !env.NEXTAUTH_SECRET) {
    return { refusal: "NEXTAUTH_SECRET is not set; generate one with `openssl rand -base64 32` and set it in the environment.", warnings };
  }
  const configured = env.NEXTAUTH_URL?.trim();
  if (!configured) {
    warnings.push(`NEXTAUTH_URL is not set: set it to the address people reach this server at (e.g. https://opendef.example.org), or sign-in links and redirects may point elsewhere.`);
  } else {
    let url: URL | undefined;
    try {
      url = new URL(configured);
    } catch {
      warnings.push(`NEXTAUTH_URL is not a URL (${configured}): sign-in will not work.`);
    }
    if (url) {
      const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
      // A loopback address is reached directly, so its port must be the one served;
      // a public name may sit behind a proxy on another port, which cannot be seen from here.
      if (LOOPBACK.has(url.hostname) && port !== listen.port) {
        warnings.push(`NEXTAUTH_URL is ${url.origin} but this server listens on port ${listen.port}: sign-in links and redirects will point to the wrong place.`);
      } else if (LOOPBACK.has(url.hostname) && !LOOPBACK.has(listen.hostname) && production) {
        warnings.push(`NEXTAUTH_URL is ${url.origin} but this server listens on ${listen.hostname}: people reaching it from elsewhere get sign-in links to their own machine.`);
      }
    }
  }
  if (production && mailTransport(env) === "none") {
    warnings.push("no mail transport: SMTP_URL is not set, so e-mail sign-in is not available (the sign-in page says so); set SMTP_URL=smtp://user:password@host:587.");
  }
  return { warnings };
}

/** All checks, the database's included. Never throws: an unreachable database is a refusal too. */
export async function startupChecks(env: NodeJS.ProcessEnv, listen: { hostname: string; port: number }): Promise<StartupReport> {
  const report = checkEnvironment(env, listen);
  if (report.refusal) return report;
  try {
    const behind = databaseBehindReason(await pendingMigrations(databaseTarget(env)));
    if (behind) return { ...report, refusal: behind };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ...report, refusal: `cannot read the database's migrations (${reason}).` };
  }
  return report;
}
