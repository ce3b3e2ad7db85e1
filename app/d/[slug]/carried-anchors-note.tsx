import type { AnchorCounts } from "@/lib/anchors/carry-anchors";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What publishing this version did with the comments on passages of the one
 * before: the publish's result, kept on the page it lands on.
 */
export function CarriedAnchorsNote({ carried }: { carried: AnchorCounts }) {
  const total = carried.exact + carried.fuzzy + carried.orphaned;
  if (total === 0) return null;
  return (
    <p className="notice carried-anchors" role="status">
      {plural(total, "comment on a passage was", "comments on passages were")} carried into this version: {carried.exact} found exactly,{" "}
      {carried.fuzzy} found with changed wording, {carried.orphaned} on text that is gone (listed under their section).
    </p>
  );
}
