import Link from "next/link";
import type { RuleChangeEffect } from "@/lib/systems/rule-change-effect";
import { criterionLabel, RULE_WORDS, type RuleValue } from "@/lib/systems/criteria";
import { VERDICT_WORDS } from "@/lib/systems/classify";
import { systemPath } from "@/lib/paths";

const rule = (value: RuleValue | null) => (value ? RULE_WORDS[value] : "no rule");

function Systems({ rows }: { rows: RuleChangeEffect["nowAdmitted"] }) {
  return (
    <>
      {rows.map((r, i) => (
        <span key={r.slug}>
          {i > 0 ? ", " : ""}
          <Link href={systemPath(r.slug)}>{r.name}</Link>
        </span>
      ))}
    </>
  );
}

/**
 * What a change of rules does to the catalogue, in words: `lead` says between
 * what ("Between 0.0.8 and 1.0", "If this draft is published").
 */
export function RuleChangeSummary({ effect, lead, conditional = false }: { effect: RuleChangeEffect; lead: string; conditional?: boolean }) {
  const { changedRules, nowAdmitted, noLongerAdmitted, otherChanges } = effect;
  const none = nowAdmitted.length + noLongerAdmitted.length + otherChanges.length === 0;
  return (
    <section className="card rule-change" aria-label={`${lead}: what it admits`}>
      <p>
        <strong>{lead}:</strong>{" "}
        {changedRules.length === 0
          ? "the rules do not change."
          : `rules ${conditional ? "would change" : "changed"}: ${changedRules.map((c) => `${criterionLabel(c.criterion)}: ${rule(c.from)} → ${rule(c.to)}`).join("; ")}.`}
      </p>
      {none ? (
        <p>No system&rsquo;s verdict {conditional ? "would change" : "changed"}.</p>
      ) : (
        <ul>
          {nowAdmitted.length > 0 && <li>{conditional ? "Would be admitted" : "Now admitted"}: <Systems rows={nowAdmitted} /></li>}
          {noLongerAdmitted.length > 0 && (
            <li>
              {conditional ? "Would no longer be admitted" : "No longer admitted"}: <Systems rows={noLongerAdmitted} />
            </li>
          )}
          {otherChanges.map((r) => (
            <li key={r.slug}>
              <Link href={systemPath(r.slug)}>{r.name}</Link>: {VERDICT_WORDS[r.before.verdict].words} → {VERDICT_WORDS[r.after.verdict].words}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
