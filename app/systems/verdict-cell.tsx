import Link from "next/link";
import { VERDICT_WORDS, type Verdict } from "@/lib/systems/classify";
import { criterionLabel } from "@/lib/systems/criteria";

/** A verdict in words and a symbol (never colour alone), with what decides it. */
export function VerdictText({ verdict, href }: { verdict: Verdict | null; href?: string }) {
  if (!verdict) return <span className="muted">no rules yet</span>;
  const { words, symbol } = VERDICT_WORDS[verdict.verdict];
  const why =
    verdict.verdict === "not_admitted" ? `fails: ${verdict.failing.map(criterionLabel).join(", ")}` : verdict.verdict === "undecided" ? `unknown: ${verdict.unknown.map(criterionLabel).join(", ")}` : null;
  const label = (
    <>
      <span aria-hidden="true">{symbol}</span> {words}
    </>
  );
  return (
    <span className={`verdict verdict-${verdict.verdict}`}>
      {href ? <Link href={href}>{label}</Link> : label}
      {why && <span className="muted"> ({why})</span>}
    </span>
  );
}
