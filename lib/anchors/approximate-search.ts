export type ApproximateMatch = { start: number; end: number; errors: number };

/**
 * Every place in `text` where `pattern` occurs with at most `maxErrors` edits
 * (insertions, deletions, substitutions), by Sellers' dynamic programming over
 * the text, computing each column only as far down as a cell can still be within
 * the budget (Ukkonen's cut-off), so the work is about maxErrors × text length
 * rather than pattern × text. For each end position that is a local best, the
 * start of its cheapest alignment is tracked alongside the distance.
 */
export function approximateSearch(text: string, pattern: string, maxErrors: number): ApproximateMatch[] {
  const m = pattern.length;
  const n = text.length;
  if (m === 0 || maxErrors < 0) return [];
  const k = Math.min(maxErrors, m);
  const over = k + 1;
  // Column j holds, for each pattern prefix i, the fewest edits aligning it with
  // a substring of text ending at j, and where that substring starts.
  let cost = new Int32Array(m + 1);
  let from = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) cost[i] = Math.min(i, over);
  // The deepest row still within budget in the current column.
  let last = k;

  const found: ApproximateMatch[] = [];
  for (let j = 0; j < n; j++) {
    const c = text.charCodeAt(j);
    nextCost[0] = 0;
    nextFrom[0] = j + 1;
    const limit = Math.min(m, last + 1);
    for (let i = 1; i <= limit; i++) {
      // Diagonal: pattern[i-1] against text[j].
      let best = cost[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let start = i - 1 === 0 ? j : from[i - 1];
      // Left: text[j] is an extra character.
      const left = (i <= last ? cost[i] : over) + 1;
      if (left < best) {
        best = left;
        start = from[i];
      }
      // Up: pattern[i-1] is missing from the text.
      const up = nextCost[i - 1] + 1;
      if (up < best) {
        best = up;
        start = nextFrom[i - 1];
      }
      nextCost[i] = Math.min(best, over);
      nextFrom[i] = start;
    }
    for (let i = limit + 1; i <= m; i++) nextCost[i] = over;
    last = limit;
    while (last > 0 && nextCost[last] > k) last--;
    if (nextCost[m] <= k) found.push({ start: nextFrom[m], end: j + 1, errors: nextCost[m] });
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
  }
  return localBest(found);
}

// Neighbouring end positions of one occurrence all fall within the budget; keep
// only the cheapest of each run, all of them on a tie ("in detail" against "in
// full detail" costs as much ending at "ful" as at "detail"): the caller's
// context decides between them.
function localBest(matches: ApproximateMatch[]): ApproximateMatch[] {
  const kept: ApproximateMatch[] = [];
  let run: ApproximateMatch[] = [];
  let runEnd = -1;
  for (const match of matches) {
    if (run.length > 0 && match.start > runEnd) {
      kept.push(...run);
      run = [];
    }
    if (run.length === 0 || match.errors < run[0].errors) run = [match];
    else if (match.errors === run[0].errors) run.push(match);
    runEnd = Math.max(runEnd, match.end);
  }
  kept.push(...run);
  return kept;
}
