import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";

describe("newId", () => {
  it("is shaped like Prisma's cuid: 25 lower-case letters and digits starting with c", () => {
    for (let i = 0; i < 100; i++) expect(newId()).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("sorts ids made in the same millisecond in the order they were made, and never repeats", () => {
    const ids = Array.from({ length: 10_000 }, () => newId(1_764_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sorts by time first", () => {
    expect(newId(1_764_000_000_001) > newId(1_764_000_000_000)).toBe(true);
  });
});
