import type { BallotDetail } from "@/lib/ballots/get-ballot";
import type { CountResult, Strength } from "@/lib/ballots/count-ballot";

// The results of a closed ballot: the winner and why, what was dropped, the
// pairwise matrix, the rounds of A.6, the strongest paths, and the defeats as
// a picture with the same facts as a list beside it.

const strength = (s: Strength | null) => (s ? `${s.for}–${s.against}` : "—");

function Matrix({ result, label, short }: { result: CountResult; label: (id: string) => string; short: (id: string) => string }) {
  return (
    <table className="ballot-table">
      <caption>Pairwise preferences: the cell in row X, column Y is the number of voters who ranked X above Y.</caption>
      <thead><tr><th scope="col">Option</th>{result.options.map((id) => <th key={id} scope="col" title={label(id)}>{short(id)}</th>)}</tr></thead>
      <tbody>
        {result.options.map((row, i) => (
          <tr key={row}>
            <th scope="row">{short(row)}. {label(row)}</th>
            {result.options.map((col, j) => (
              <td key={col} className={i !== j && result.matrix[i][j] > result.matrix[j][i] ? "wins" : undefined}>{i === j ? "" : result.matrix[i][j]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Paths({ result, label, short }: { result: CountResult; label: (id: string) => string; short: (id: string) => string }) {
  return (
    <table className="ballot-table">
      <caption>Strongest paths (Schulze): the weakest defeat on the strongest chain of defeats from X to Y, as votes for–against.</caption>
      <thead><tr><th scope="col">From</th>{result.remaining.map((id) => <th key={id} scope="col" title={label(id)}>{short(id)}</th>)}</tr></thead>
      <tbody>
        {result.remaining.map((row, i) => (
          <tr key={row}>
            <th scope="row">{short(row)}. {label(row)}</th>
            {result.remaining.map((col, j) => <td key={col}>{i === j ? "" : strength(result.strongestPaths[i][j])}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The defeats among the options left, as arrows between options on a circle. */
function DefeatGraph({ result, short, winner }: { result: CountResult; short: (id: string) => string; winner: string | null }) {
  const n = result.remaining.length;
  const size = 320;
  const r = 120;
  const at = (id: string) => {
    const i = result.remaining.indexOf(id);
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: size / 2 + r * Math.cos(angle), y: size / 2 + r * Math.sin(angle) };
  };
  return (
    <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} role="img" aria-labelledby="defeat-graph-title" className="defeat-graph">
      <title id="defeat-graph-title">Defeats among the options left: each arrow points from the winner of a pair to the loser (the list below says the same).</title>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#555" /></marker>
      </defs>
      {result.defeats.map(([a, b, s]) => {
        const p = at(a);
        const q = at(b);
        const d = Math.hypot(q.x - p.x, q.y - p.y) || 1;
        const ux = (q.x - p.x) / d;
        const uy = (q.y - p.y) / d;
        return (
          <g key={`${a}-${b}`}>
            <line x1={p.x + ux * 20} y1={p.y + uy * 20} x2={q.x - ux * 22} y2={q.y - uy * 22} stroke="#555" strokeWidth={1.5} markerEnd="url(#arrow)" />
            {/* A third of the way from the winner: labels of crossing arrows stay apart. */}
            <text x={p.x + (q.x - p.x) / 3} y={p.y + (q.y - p.y) / 3 - 4} fontSize="11" textAnchor="middle" fill="#333">{s.for}–{s.against}</text>
          </g>
        );
      })}
      {result.remaining.map((id) => {
        const p = at(id);
        return (
          <g key={id}>
            <circle cx={p.x} cy={p.y} r={18} fill={id === winner ? "#cfe8d4" : id === result.defaultOption ? "#eee" : "#fff"} stroke="#333" />
            <text x={p.x} y={p.y + 4} fontSize="13" textAnchor="middle">{short(id)}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function BallotResults({ ballot }: { ballot: BallotDetail }) {
  const result = ballot.result!;
  const byId = new Map(ballot.options.map((o) => [o.id, o]));
  const label = (id: string) => byId.get(id)?.label ?? id;
  const short = (id: string) => String(byId.get(id)?.position ?? "?");
  const winner = ballot.winnerOptionId;
  return (
    <section id="results" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <p>{result.voters} member{result.voters === 1 ? "" : "s"} voted. Quorum: {Number(result.quorum.toFixed(2))} voter{result.quorum === 1 ? "" : "s"} ranking an option above the default.</p>
      {winner ? (
        <p className="notice">
          <strong>Winner: {label(winner)}.</strong>{" "}
          {ballot.castingVoteBy
            ? `The count left a tie between ${result.schwartzSet.map(label).join(" and ")}; the lead maintainer @${ballot.castingVoteBy} chose this option with the casting vote.`
            : result.remaining.length === 1
              ? "Every other option was dropped, so the default option stands."
              : result.rounds.length === 1
                ? `It beats every other option left in a direct comparison (it alone is the Schwartz set).`
                : `After the weakest defeats inside the Schwartz set were dropped (round by round, below), it alone remained.`}
        </p>
      ) : (
        <p className="notice"><strong>Tie between {result.schwartzSet.map(label).join(", ")}.</strong> No defeat is left among them: the definition&apos;s lead maintainer{ballot.leadMaintainer ? ` (@${ballot.leadMaintainer})` : ""} decides with the casting vote.</p>
      )}

      <h3>Dropped options</h3>
      {result.dropped.length === 0 ? <p>None: every option met the quorum and its majority ratio against the default option.</p> : (
        <ul>
          {result.dropped.map((d) => (
            <li key={d.key}>
              {label(d.key)}:{" "}
              {d.reason === "quorum"
                ? `ranked above the default option by ${d.over} voter${d.over === 1 ? "" : "s"}, fewer than the quorum of ${Number(d.required.toFixed(2))}.`
                : `${d.over} voters preferred it to the default option and ${d.under} the default to it; it needed more than that and at least ${d.required}:1.`}
            </li>
          ))}
        </ul>
      )}

      <h3>Pairwise matrix</h3>
      <div className="table-scroll"><Matrix result={result} label={label} short={short} /></div>

      <h3>Defeats</h3>
      <DefeatGraph result={result} short={short} winner={winner} />
      <ul aria-label="Defeats as text">
        {result.defeats.length === 0 ? <li>No option defeats another.</li> : result.defeats.map(([a, b, s]) => <li key={`${a}-${b}`}>{short(a)}. {label(a)} defeats {short(b)}. {label(b)}, {s.for} to {s.against}</li>)}
      </ul>
      <h3>How the count went</h3>
      <ol aria-label="Rounds of the count">
        {result.rounds.map((r, i) => (
          <li key={i}>
            Schwartz set: {r.schwartzSet.map(label).join(", ")}
            {r.droppedDefeats.length > 0 && <>; weakest defeats dropped: {r.droppedDefeats.map(([a, b]) => `${label(a)} over ${label(b)}`).join(", ")}</>}
          </li>
        ))}
      </ol>

      <h3>Strongest paths</h3>
      <div className="table-scroll"><Paths result={result} label={label} short={short} /></div>

      <p>
        Tally sheet: <a href={`/api/v1/ballots/${ballot.id}/tally.csv`}>CSV</a> · <a href={`/api/v1/ballots/${ballot.id}/tally.json`}>JSON</a>.
        Recount it with <code>npm run recount -- tally.csv</code>.
      </p>
    </section>
  );
}
