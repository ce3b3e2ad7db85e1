import type { SystemView } from "@/lib/systems/get-system";

const person = (p: { handle: string; name: string | null } | null) => (p ? { handle: p.handle, name: p.name ?? p.handle } : null);

/** One system for JSON readers: public fields only (people by handle and name, never their ids or emails). */
export function systemOutput(s: SystemView) {
  return {
    // What `POST /api/v1/comments` takes as `systemId` (docs/decisions/028-system-comments.md).
    id: s.id,
    slug: s.slug,
    name: s.name,
    developer: s.developer,
    released: s.released,
    sizes: s.sizes,
    links: s.links,
    facts: Object.fromEntries(
      s.history.map((h) => [
        h.criterion.id,
        h.revisions.map((r) => ({ revision: r.revision, value: r.value, explanation: r.explanation, sources: r.sources, asOf: r.asOf, reason: r.reason, author: person(r.author), createdAt: r.createdAt })),
      ]),
    ),
    verdicts: s.verdicts,
    externalClassifications: s.external.map((e) => ({ source: e.source, subject: e.subject || null, verdict: e.verdict, url: e.url, asOf: e.asOf })),
    corrections: s.corrections.map((c) => ({ criterion: c.criterion, value: c.value, explanation: c.explanation, sources: c.sources, asOf: c.asOf, status: c.status, proposer: person(c.proposer), decidedBy: person(c.decidedBy), decisionReason: c.decisionReason, createdAt: c.createdAt, decidedAt: c.decidedAt })),
  };
}
