// The one reader of the demo content under prisma/seed/: users, definitions with
// their versions' Markdown, the discussion, and the amendments the amendment and
// publishing seeds make. Content is data; what a seed does with it is in the
// seed-*.ts files beside this one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/auth/current-user";
import type { AmendmentKind, VoteChoice } from "@/lib/amendments/amendment-status";

const SEED = path.join(process.cwd(), "prisma/seed");
const CONTENT = path.join(SEED, "content");

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(SEED, file), "utf8")) as T;
}

export type SeedUser = { handle: string; name: string; role: Actor["role"]; maintains?: string[] };

export type SeedDefinition = {
  slug: string;
  title: string;
  steward: string;
  summary: string;
  sources: { label: string; url: string }[];
  criteria: Record<string, unknown>;
  /** "secret": only tallies are ever shown (Debian has voted by secret ballot since 2022). */
  voteVisibility?: "public" | "secret";
  versions: { label: string; publishedAt: string; file: string; changelog: string; commentsOpenAt?: string; commentsCloseAt?: string }[];
};

export type SeedComment = { author: string; body: string; minutesAfterPublish: number; replies: SeedComment[] };
export type SeedThread = SeedComment & { definition: string; version: string; section: string | null };

/**
 * An amendment's proposed text is the section's current text with `edits`
 * applied in order (each replaces the first occurrence of `from`), or `text`
 * as it stands (an inserted section, or "" for a deletion).
 */
export type SeedAmendmentText = { edits: { from: string; to: string }[]; text?: undefined } | { text: string; edits?: undefined };

export type SeedAmendment = SeedAmendmentText & {
  definition: string;
  /** The heading of the section in the definition's current version. */
  section: string;
  kind: AmendmentKind;
  author: string;
  title: string;
  rationale: string;
  sponsors: string[];
  votes?: Record<string, VoteChoice>;
  /**
   * "recent": proposed three days ago, its vote (if it has its sponsors) still
   * open. "past": proposed a month ago, its vote closed before the decision.
   */
  when: "recent" | "past";
  decision?: { by: string; outcome: "accepted" | "rejected"; reason: string };
  withdrawn?: boolean;
};

/** An amendment the publishing seed has accepted, to take into a version. */
export type AcceptedSeedAmendment = SeedAmendmentText & {
  section: string;
  author: string;
  title: string;
  rationale: string;
  sponsors: string[];
  votes: Record<string, VoteChoice>;
  decision: { by: string; reason: string };
};

export type SeedPublishing = {
  /** open-science: accepted amendments taken into a newly published demo revision with this label. */
  openScience: { label: string; amendments: AcceptedSeedAmendment[] };
  openWeights: {
    /** Taken into the draft only when the amendments seed has left no accepted amendment there. */
    fallback: AcceptedSeedAmendment;
    /** Accepted, not yet taken into the draft: a maintainer's waiting work. */
    waiting: AcceptedSeedAmendment[];
    /** Still seeking sponsors on the section the draft changes. */
    open: SeedAmendmentText & { section: string; author: string; title: string; rationale: string };
  };
};

export const readSeedUsers = (): SeedUser[] => readJson("users.json");
export const readSeedDiscussion = (): SeedThread[] => readJson("content/discussion.json");
export const readSeedAmendments = (): SeedAmendment[] => readJson("amendments.json");
export const readSeedPublishing = (): SeedPublishing => readJson("publishing.json");

/** The definitions under prisma/seed/content, in the order the home page lists them. */
export function readSeedDefinitionSlugs(): string[] {
  const order = ["osaid", "open-weights", "open-science", "debian-gr"];
  return readdirSync(CONTENT)
    .filter((name) => existsSync(path.join(CONTENT, name, "definition.json")))
    .sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function readSeedDefinition(slug: string): SeedDefinition {
  return readJson(`content/${slug}/definition.json`);
}

/** The Markdown of one of a definition's versions. */
export function readSeedVersionBody(slug: string, file: string): string {
  return readFileSync(path.join(CONTENT, slug, file), "utf8");
}

/** The proposed text of `spec` for a section whose current text is `current`; fails loudly when the content no longer matches. */
export function proposedText(spec: SeedAmendmentText & { title: string }, current: string): string {
  if (spec.text !== undefined) return spec.text;
  return spec.edits.reduce((text, { from, to }) => {
    if (!text.includes(from)) throw new Error(`seed amendment "${spec.title}": the section no longer contains "${from.slice(0, 60)}…"`);
    return text.replace(from, to);
  }, current);
}

/** Comments on passages of a version, and a draft whose publish carries them (prisma/seed/anchors.json). */
export type SeedAnchors = {
  definition: string;
  version: string;
  comments: { author: string; section: string; quote: string; body: string; minutesAfterPublish: number }[];
  draft: { author: string; changelog: string; edits: { from: string; to: string }[] };
};

export const readSeedAnchors = (): SeedAnchors => readJson("anchors.json");
