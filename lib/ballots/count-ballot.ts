// The counting of a ranked ballot by the Debian constitution, appendix A.6
// (https://www.debian.org/devel/constitution#item-A): quorum and majority ratio
// against the default option, pairwise defeats, the Schwartz set with the
// weakest defeats dropped until none is left inside it, and a tie left to the
// casting vote. Pure: the use cases, the results page, the API and the recount
// command all call it, so they cannot disagree. No server imports here.

/** One option as the count sees it: `majority` is N of an N:1 majority ratio (1 or 3). */
export type CountOption = { key: string; majority: number };

/** A voter's ranks by option key: 1 is most preferred, equal ranks allowed; a missing key is unranked. */
export type Ranking = Record<string, number>;

/** Strength of a defeat: the votes for the winner of the pair, then the votes against it (fewer is stronger). */
export type Strength = { for: number; against: number };

export type DroppedOption = {
  key: string;
  reason: "quorum" | "majority";
  /** Votes ranking the option above the default option, and the default above it. */
  over: number;
  under: number;
  /** The quorum or the majority ratio it did not reach. */
  required: number;
};

export type Round = {
  /** The Schwartz set of this round, in option order. */
  schwartzSet: string[];
  /** The weakest defeats inside it, dropped before the next round: [winner, loser]. */
  droppedDefeats: [string, string][];
};

export type CountResult = {
  /** Option keys in ballot order; `matrix[i][j]` voters preferring option i over option j. */
  options: string[];
  defaultOption: string;
  voters: number;
  quorum: number;
  matrix: number[][];
  dropped: DroppedOption[];
  /** The options left after quorum and majority, in ballot order. */
  remaining: string[];
  /** Every pairwise defeat among the remaining options: [winner, loser, strength]. */
  defeats: [string, string, Strength][];
  rounds: Round[];
  /** The final Schwartz set: one option is the winner, several are a tie for the casting vote. */
  schwartzSet: string[];
  winner: string | null;
  /** Schulze's strongest paths among the remaining options (null: no path), indexed like `remaining`. */
  strongestPaths: (Strength | null)[][];
};

/** The pairwise counts V(A,B) of a set of rankings: an unranked option is below every ranked one. */
export function pairwiseMatrix(options: string[], rankings: Ranking[]): number[][] {
  const n = options.length;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const ranking of rankings) {
    const ranks = options.map((key) => ranking[key] ?? Infinity);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (ranks[i] < ranks[j]) matrix[i][j]++;
  }
  return matrix;
}

/** Count ballots given as rankings. */
export function countRankings({ options, defaultOption, quorum, rankings }: { options: CountOption[]; defaultOption: string; quorum: number; rankings: Ranking[] }): CountResult {
  const matrix = pairwiseMatrix(options.map((o) => o.key), rankings);
  return countMatrix({ options, defaultOption, quorum, matrix, voters: rankings.length });
}

/** `a` is stronger than `b` (A.6.7.1: more votes for; with as many, fewer against). */
export function stronger(a: Strength, b: Strength): boolean {
  return a.for > b.for || (a.for === b.for && a.against < b.against);
}

/**
 * Count from the pairwise matrix, which is all A.6 looks at: so a published
 * Debian result (which gives the matrix) can be recounted as it stands.
 */
export function countMatrix({ options, defaultOption, quorum, matrix, voters }: { options: CountOption[]; defaultOption: string; quorum: number; matrix: number[][]; voters: number }): CountResult {
  const keys = options.map((o) => o.key);
  const d = keys.indexOf(defaultOption);
  if (d < 0) throw new Error(`The default option ${defaultOption} is not among the options.`);
  const V = (a: number, b: number) => matrix[a][b];

  // A.6.2 quorum, then A.6.3 majority ratio, both against the default option.
  const dropped: DroppedOption[] = [];
  const kept: number[] = [];
  options.forEach((option, i) => {
    if (i === d) return kept.push(i);
    const over = V(i, d);
    const under = V(d, i);
    if (over < quorum) dropped.push({ key: option.key, reason: "quorum", over, under, required: quorum });
    else if (!(over > under && over >= option.majority * under)) dropped.push({ key: option.key, reason: "majority", over, under, required: option.majority });
    else kept.push(i);
  });

  // A.6.4 pairwise defeats among the options left.
  const defeats = new Set<string>();
  const pair = (a: number, b: number) => `${a}>${b}`;
  for (const a of kept) for (const b of kept) if (a !== b && V(a, b) > V(b, a)) defeats.add(pair(a, b));
  const allDefeats: [string, string, Strength][] = [];
  for (const a of kept) for (const b of kept) if (defeats.has(pair(a, b))) allDefeats.push([keys[a], keys[b], { for: V(a, b), against: V(b, a) }]);

  const rounds: Round[] = [];
  let schwartz: number[];
  for (;;) {
    // A.6.5 transitive defeats (the closure of what is left), A.6.6 the Schwartz set.
    const reach = new Map<number, Set<number>>(kept.map((a) => [a, new Set(kept.filter((b) => defeats.has(pair(a, b))))]));
    for (const k of kept) for (const a of kept) if (reach.get(a)!.has(k)) for (const b of reach.get(k)!) reach.get(a)!.add(b);
    schwartz = kept.filter((a) => kept.every((b) => reach.get(a)!.has(b) || !reach.get(b)!.has(a)));
    const inside = [...defeats].map((p) => p.split(">").map(Number) as [number, number]).filter(([a, b]) => schwartz.includes(a) && schwartz.includes(b));
    if (inside.length === 0) {
      rounds.push({ schwartzSet: schwartz.map((i) => keys[i]), droppedDefeats: [] });
      break;
    }
    // A.6.7: drop every weakest defeat inside the Schwartz set and go round again.
    const strength = ([a, b]: [number, number]): Strength => ({ for: V(a, b), against: V(b, a) });
    const weakest = inside.filter((x) => !inside.some((y) => stronger(strength(x), strength(y))));
    for (const [a, b] of weakest) defeats.delete(pair(a, b));
    rounds.push({ schwartzSet: schwartz.map((i) => keys[i]), droppedDefeats: weakest.map(([a, b]) => [keys[a], keys[b]]) });
  }

  return {
    options: keys,
    defaultOption,
    voters,
    quorum,
    matrix: matrix.map((row) => [...row]),
    dropped,
    remaining: kept.map((i) => keys[i]),
    defeats: allDefeats,
    rounds,
    schwartzSet: schwartz.map((i) => keys[i]),
    // A.6.8: one option wins; several are left to the casting vote.
    winner: schwartz.length === 1 ? keys[schwartz[0]] : null,
    strongestPaths: strongestPaths(kept, V),
  };
}

/**
 * Schulze's strongest paths (Floyd–Warshall over the widest path) among the
 * options left, with the defeat strengths of A.6.7.1. Shown on the results page
 * as the reason for the order; the winner itself comes from A.6's procedure.
 */
function strongestPaths(kept: number[], V: (a: number, b: number) => number): (Strength | null)[][] {
  const n = kept.length;
  const p: (Strength | null)[][] = kept.map((a) => kept.map((b) => (a !== b && V(a, b) > V(b, a) ? { for: V(a, b), against: V(b, a) } : null)));
  const weaker = (x: Strength | null, y: Strength | null) => (x === null ? x : y === null ? y : stronger(x, y) ? y : x);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j || i === k || j === k) continue;
        const via = weaker(p[i][k], p[k][j]);
        if (via && (p[i][j] === null || stronger(via, p[i][j]!))) p[i][j] = via;
      }
  return p;
}

/** The Schulze winners by strongest paths: options whose path to every other is at least as strong as the way back. */
export function schulzeWinners(result: CountResult): string[] {
  const p = result.strongestPaths;
  const atLeast = (x: Strength | null, y: Strength | null) => y === null || (x !== null && !stronger(y, x));
  return result.remaining.filter((_, i) => result.remaining.every((__, j) => i === j || atLeast(p[i][j], p[j][i])));
}
