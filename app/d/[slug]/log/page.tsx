import type { Metadata } from "next";
import { StaffBadges } from "@/app/_components/staff-badges";
import Link from "next/link";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { auditTargetKey, describeAuditTargets, type AuditTarget } from "@/lib/audit/describe-audit-targets";
import { orNotFound } from "@/lib/errors/or-not-found";
import { definitionPath, logPath, userPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Log" };

/** Every maintainer, moderator and admin action on this definition, public and hash-chained. */
export default async function LogPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string }> }) {
  const { slug } = await params;
  const { after } = await searchParams;
  const [log, chain] = await Promise.all([orNotFound(listAuditLog({ slug, after: after ?? 0 })), verifyAuditChain()]);
  const targets = await describeAuditTargets(log.entries);
  return (
    <>
      <p><Link href={definitionPath(slug)}>Back to the definition</Link> · <Link href={`/api/v1/definitions/${slug}/log`} prefetch={false}>as JSON</Link></p>
      <h1>Log of decisions and actions</h1>
      <p className={chain.ok ? "notice" : "notice form-error"} role="status">
        {chain.ok
          ? "Chain verified: every entry's SHA-256 matches its fields and the entry before it, so no entry was changed or removed."
          : `Chain broken at entry ${chain.seq}: ${chain.problem}`}
      </p>
      {log.entries.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        // A wide table scrolls inside its own box, not the page (a phone is 390 px wide).
        <div className="table-scroll" role="region" aria-label="Log entries" tabIndex={0}>
        <table>
          <caption className="visually-hidden">Audit log entries, oldest first</caption>
          <thead>
            <tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Why</th><th scope="col">Hash</th></tr>
          </thead>
          <tbody>
            {log.entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td><time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace("T", " ").slice(0, 16)}</time></td>
                <td><Link href={userPath(e.actor.handle)}>{e.actor.name ?? e.actor.handle}</Link><StaffBadges handle={e.actor.handle} /></td>
                <td>{e.action} <AuditTargetLink target={targets.get(auditTargetKey(e))} type={e.targetType} /></td>
                <td>{e.reason ?? ""}</td>
                <td className="hash">{e.hash.slice(0, 16)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {log.next !== null && log.next !== undefined && <p><Link href={logPath(slug, log.next)}>Later entries</Link></p>}
    </>
  );
}

/** The entry's subject by name, linked; its kind alone when it no longer exists. The JSON log keeps the ids the hashes cover. */
function AuditTargetLink({ target, type }: { target: AuditTarget | undefined; type: string }) {
  if (!target) return <span className="muted">({type})</span>;
  return <>on {target.href ? <Link href={target.href}>{target.text}</Link> : target.text}</>;
}
