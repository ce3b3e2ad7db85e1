import { describe, expect, it } from "vitest";
import { confusable, skeleton } from "./skeleton";

describe("skeleton", () => {
  it("ignores case, accents, spacing and punctuation", () => {
    expect(skeleton("Olu Steward")).toBe(skeleton("olu_stéward"));
    expect(confusable("Avery Admin", "AVERY-ADMIN")).toBe(true);
  });

  it("removes zero-width and bidi control characters", () => {
    expect(confusable("Mi\u200Bra Mod\u200Derator", "Mira Moderator")).toBe(true);
    expect(confusable("\u202EMira\u202C Moderator", "Mira Moderator")).toBe(true);
    expect(confusable("ad\uFEFFmin", "admin")).toBe(true);
  });

  it("maps Cyrillic and Greek look-alikes to Latin letters", () => {
    expect(confusable("Аvеrу Аdmin", "Avery Admin")).toBe(true); // Cyrillic А е у
    expect(confusable("οsi-maint", "osi-maint")).toBe(true); // Greek omicron
  });

  it("treats 0/o, 1/l/I and rn/m as the same letter", () => {
    expect(confusable("0lu Steward", "Olu Steward")).toBe(true);
    expect(confusable("MiraModerator", "MIraModerator")).toBe(true);
    expect(confusable("Mira Moderator", "Mira Mode1ator")).toBe(false);
    expect(confusable("1ra", "Ira")).toBe(true);
    expect(confusable("Maya Framework", "Maya Frarnework")).toBe(true);
  });

  it("folds compatibility forms such as full-width and mathematical letters, and combining accents", () => {
    expect(confusable("ａｄｍｉｎ", "admin")).toBe(true);
    expect(confusable("\u{1D400}very \u{1D400}dmin", "Avery Admin")).toBe(true);
    expect(confusable("A\u0301very Admi\u0308n", "Avery Admin")).toBe(true);
    expect(confusable("ǲeljko", "dzeljko")).toBe(true);
  });

  it("keeps different names apart", () => {
    expect(confusable("Amara Okafor", "Avery Admin")).toBe(false);
    expect(confusable("Mira", "Maya")).toBe(false);
    expect(confusable("", "")).toBe(false);
  });
});
