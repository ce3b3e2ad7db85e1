import { describe, expect, it } from "vitest";
import { AMENDMENT_STATUSES, AMENDMENT_STATUS_LABELS, amendmentStatusLabel } from "./amendment-status";

describe("amendment status labels", () => {
  it("give every status one label of its own, used by every page", () => {
    const labels = AMENDMENT_STATUSES.map(amendmentStatusLabel);
    expect(new Set(labels).size).toBe(AMENDMENT_STATUSES.length);
    expect(Object.keys(AMENDMENT_STATUS_LABELS).sort()).toEqual([...AMENDMENT_STATUSES].sort());
    expect(amendmentStatusLabel("closed")).toBe("awaiting decision");
    expect(amendmentStatusLabel("seeking")).toBe("seeking sponsors");
  });

  it("show a status the page does not know as stored", () => {
    expect(amendmentStatusLabel("someday")).toBe("someday");
  });
});
