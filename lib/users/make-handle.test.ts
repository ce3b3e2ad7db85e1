import { describe, expect, it } from "vitest";
import { baseHandle } from "./make-handle";

describe("baseHandle", () => {
  it("takes the local part of an e-mail address", () => {
    expect(baseHandle("Ada.Lovelace@example.org")).toBe("ada-lovelace");
  });
  it("folds accents and drops symbols", () => {
    expect(baseHandle("Zoë Ångström!")).toBe("zoe-angstrom");
  });
  it("never returns an empty or one-letter handle", () => {
    expect(baseHandle("@example.org")).toBe("user");
    expect(baseHandle("x")).toBe("user-x");
  });
});
