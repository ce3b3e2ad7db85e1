import { describe, expect, it } from "vitest";
import { handleCandidate, handleFromName, localPartAsHandle, provisionalHandle } from "./make-handle";

describe("handleFromName", () => {
  it("lower-cases a display name and joins its words with hyphens", () => {
    expect(handleFromName("Ada Lovelace")).toBe("ada-lovelace");
  });
  it("folds accents and drops symbols", () => {
    expect(handleFromName("Zoë Ångström!")).toBe("zoe-angstrom");
  });
  it("gives 'member' for a name without Latin letters or digits", () => {
    expect(handleFromName("陈伟")).toBe("member");
    expect(handleFromName("x")).toBe("member");
  });
  it("stays within 24 characters and never ends in a hyphen", () => {
    const handle = handleFromName("Maximiliana Wolfeschlegel Steinhausen");
    expect(handle.length).toBeLessThanOrEqual(24);
    expect(handle).toBe("maximiliana-wolfeschlege");
    expect(handleFromName("Abcdefghijklmnopqrstuvw xyz")).toBe("abcdefghijklmnopqrstuvw");
  });
});

describe("handleCandidate", () => {
  it("numbers the second and later candidates", () => {
    expect([0, 1, 2].map((n) => handleCandidate("ada", n))).toEqual(["ada", "ada-2", "ada-3"]);
  });
});

describe("provisionalHandle", () => {
  it("is random and carries nothing of the address", () => {
    const a = provisionalHandle();
    expect(a).toMatch(/^member-[0-9a-f]{10}$/);
    expect(provisionalHandle()).not.toBe(a);
  });
});

describe("localPartAsHandle", () => {
  it("is what the old sign-in made of an address", () => {
    expect(localPartAsHandle("Ada.Lovelace@example.org")).toBe("ada-lovelace");
  });
});
