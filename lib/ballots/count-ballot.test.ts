import { describe, expect, it } from "vitest";
import { countMatrix, countRankings, pairwiseMatrix, schulzeWinners, type CountOption, type Ranking } from "@/lib/ballots/count-ballot";

const simple = (...keys: string[]): CountOption[] => keys.map((key) => ({ key, majority: 1 }));

/** `count` ballots ranking `order` 1, 2, 3, … (the rest unranked). */
function ballots(count: number, order: string): Ranking[] {
  const ranking = Object.fromEntries([...order].map((key, i) => [key, i + 1]));
  return Array.from({ length: count }, () => ({ ...ranking }));
}

describe("pairwiseMatrix", () => {
  it("counts equal ranks as no preference and unranked options below every ranked one", () => {
    const m = pairwiseMatrix(["A", "B", "C", "N"], [{ A: 1, B: 1 }, { C: 2, A: 3 }]);
    expect(m).toEqual([
      [0, 1, 1, 2],
      [0, 0, 1, 1],
      [1, 1, 0, 1],
      [0, 0, 0, 0],
    ]);
  });
});

describe("countRankings", () => {
  it("elects E in Schulze's standard 45-voter, 5-candidate example", () => {
    // Markus Schulze's example, as in https://en.wikipedia.org/wiki/Schulze_method#Example
    // plus a default option ranked last by everyone, so that A.6.3 drops nothing.
    const rankings = [
      ...ballots(5, "ACBED"),
      ...ballots(5, "ADECB"),
      ...ballots(8, "BEDAC"),
      ...ballots(3, "CABED"),
      ...ballots(7, "CAEBD"),
      ...ballots(2, "CBADE"),
      ...ballots(7, "DCEBA"),
      ...ballots(8, "EBADC"),
    ];
    const result = countRankings({ options: simple("A", "B", "C", "D", "E", "N"), defaultOption: "N", quorum: 0, rankings });
    expect(result.voters).toBe(45);
    expect(result.matrix.slice(0, 5).map((row) => row.slice(0, 5))).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(result.dropped).toEqual([]);
    expect(result.winner).toBe("E");
    expect(result.schwartzSet).toEqual(["E"]);
    expect(schulzeWinners(result)).toEqual(["E"]);
    // The strongest paths of the published example (votes for each path's weakest link).
    const paths = result.strongestPaths.slice(0, 5).map((row) => row.slice(0, 5).map((s) => s?.for ?? 0));
    expect(paths).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    // Every option beat the default, which is the last of the Schwartz set's first round to go.
    expect(result.rounds[0].schwartzSet).toEqual(["A", "B", "C", "D", "E"]);
    expect(result.rounds.at(-1)!.droppedDefeats).toEqual([]);
  });

  it("leaves a perfect three-way cycle of equal strength to the casting vote", () => {
    const rankings = [...ballots(1, "ABCN"), ...ballots(1, "BCAN"), ...ballots(1, "CABN")];
    const result = countRankings({ options: simple("A", "B", "C", "N"), defaultOption: "N", quorum: 0, rankings });
    // Each defeat is 2:1, so all three are the weakest and go at once (A.6.7.2).
    expect(result.rounds[0].droppedDefeats).toHaveLength(3);
    expect(result.schwartzSet).toEqual(["A", "B", "C"]);
    expect(result.winner).toBeNull();
    expect(schulzeWinners(result)).toEqual(["A", "B", "C"]);
  });

  it("leaves two options that tie pairwise to the casting vote", () => {
    const rankings = [...ballots(2, "ABN"), ...ballots(2, "BAN"), { N: 1 }];
    const result = countRankings({ options: simple("A", "B", "N"), defaultOption: "N", quorum: 0, rankings });
    expect(result.defeats.map(([a, b]) => `${a}>${b}`)).toEqual(["A>N", "B>N"]);
    expect(result.winner).toBeNull();
    expect(result.schwartzSet).toEqual(["A", "B"]);
  });

  it("with no ballots drops every option by majority and keeps the default", () => {
    const result = countRankings({ options: simple("A", "B", "N"), defaultOption: "N", quorum: 0, rankings: [] });
    expect(result.dropped.map((d) => [d.key, d.reason])).toEqual([["A", "majority"], ["B", "majority"]]);
    expect(result.winner).toBe("N");
  });

  it("drops an option ranked above the default by fewer voters than the quorum, before the majority check", () => {
    const rankings = [...ballots(3, "ABN"), ...ballots(2, "NBA")];
    const result = countRankings({ options: simple("A", "B", "N"), defaultOption: "N", quorum: 3, rankings });
    // A is above N on 3 ballots (reaches 3); B on 3 too; with quorum 4 both would go.
    expect(result.dropped).toEqual([]);
    const strict = countRankings({ options: simple("A", "B", "N"), defaultOption: "N", quorum: 4, rankings });
    expect(strict.dropped).toEqual([
      { key: "A", reason: "quorum", over: 3, under: 2, required: 4 },
      { key: "B", reason: "quorum", over: 3, under: 2, required: 4 },
    ]);
    expect(strict.winner).toBe("N");
  });

  it("needs V(A,D) >= 3 V(D,A) for a 3:1 option: exactly 3:1 passes, less is dropped", () => {
    const options: CountOption[] = [{ key: "A", majority: 3 }, { key: "B", majority: 1 }, { key: "N", majority: 1 }];
    const passes = countRankings({ options, defaultOption: "N", quorum: 0, rankings: [...ballots(6, "ABN"), ...ballots(2, "NBA")] });
    expect(passes.dropped).toEqual([]);
    expect(passes.winner).toBe("A");
    const fails = countRankings({ options, defaultOption: "N", quorum: 0, rankings: [...ballots(5, "ABN"), ...ballots(2, "NBA")] });
    expect(fails.dropped).toEqual([{ key: "A", reason: "majority", over: 5, under: 2, required: 3 }]);
    expect(fails.winner).toBe("B");
    // A plain majority must be strict: a tie with the default is not enough.
    const tie = countRankings({ options: simple("A", "N"), defaultOption: "N", quorum: 0, rankings: [...ballots(2, "AN"), ...ballots(2, "NA")] });
    expect(tie.dropped.map((d) => d.key)).toEqual(["A"]);
  });
});

describe("countMatrix on real Debian general resolutions", () => {
  // Facts from Debian's published results: the pairwise table devotee printed.
  it("non-free firmware 2022 (https://www.debian.org/vote/2022/vote_003): option 5 wins", () => {
    // https://vote.debian.org/~secretary/gr_non_free_firmware/results.txt; options 5 and 6
    // change the Social Contract, a foundation document, so they need 3:1.
    const matrix = [
      [0, 158, 206, 270, 72, 129, 264],
      [170, 0, 235, 286, 121, 75, 291],
      [144, 99, 0, 294, 127, 84, 306],
      [80, 64, 53, 0, 74, 55, 135],
      [229, 219, 229, 279, 0, 169, 289],
      [216, 253, 266, 298, 163, 0, 311],
      [91, 63, 51, 197, 63, 42, 0],
    ];
    const options = ["1", "2", "3", "4", "5", "6", "7"].map((key) => ({ key, majority: key === "5" || key === "6" ? 3 : 1 }));
    const result = countMatrix({ options, defaultOption: "7", quorum: 45.8911756223351, matrix, voters: 366 });
    expect(result.dropped).toEqual([{ key: "4", reason: "majority", over: 135, under: 197, required: 1 }]);
    expect(result.remaining).toEqual(["1", "2", "3", "5", "6", "7"]);
    expect(result.schwartzSet).toEqual(["5"]);
    expect(result.winner).toBe("5");
    expect(schulzeWinners(result)).toEqual(["5"]);
  });

  it("Lenny and resolving DFSG violations 2008 (https://www.debian.org/vote/2008/vote_003): the 3:1 options drop and option 5 wins", () => {
    // The table devotee published, https://lists.debian.org/debian-devel/2008/12/msg01091.html;
    // options 2, 3, 4 and 6 needed 3:1, option 7 was "Further discussion".
    const matrix = [
      [0, 46, 60, 72, 73, 89, 117],
      [281, 0, 160, 160, 171, 177, 224],
      [255, 61, 0, 125, 137, 151, 204],
      [253, 121, 146, 0, 160, 166, 194],
      [234, 105, 128, 135, 0, 136, 191],
      [220, 118, 134, 125, 134, 0, 180],
      [226, 129, 145, 153, 160, 169, 0],
    ];
    const supermajority = new Set(["2", "3", "4", "6"]);
    const options = ["1", "2", "3", "4", "5", "6", "7"].map((key) => ({ key, majority: supermajority.has(key) ? 3 : 1 }));
    const result = countMatrix({ options, defaultOption: "7", quorum: 0, matrix, voters: 0 });
    expect(result.dropped.map((d) => d.key)).toEqual(["1", "2", "3", "4", "6"]);
    expect(result.winner).toBe("5");
    // Without the supermajorities, option 2 is the Condorcet winner (as the same post observes).
    const plain = countMatrix({ options: options.map((o) => ({ ...o, majority: 1 })), defaultOption: "7", quorum: 0, matrix, voters: 0 });
    expect(plain.dropped.map((d) => d.key)).toEqual(["1"]);
    expect(plain.winner).toBe("2");
  });
});
