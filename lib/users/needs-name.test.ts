import { describe, expect, it } from "vitest";
import { needsName, suggestedName } from "./needs-name";

const chosen = { nameChosenAt: new Date("2026-01-01T00:00:00Z"), deletedAt: null };

describe("needsName", () => {
  it("asks a new account: no name, or the random handle it was made with", () => {
    expect(needsName({ name: null, handle: "member-0a1b2c3d4e", email: "ada@example.org" }, null)).toBe(true);
    expect(needsName({ name: "Ada Lovelace", handle: "member-0a1b2c3d4e", email: "ada@example.org" }, null)).toBe(true);
  });

  it("asks an older account whose name or handle is its e-mail's local part", () => {
    expect(needsName({ name: "Ada Lovelace", handle: "ada-lovelace", email: "ada.lovelace@example.org" }, null)).toBe(true);
    expect(needsName({ name: "ada.lovelace", handle: "countess", email: "ada.lovelace@example.org" }, null)).toBe(true);
  });

  it("does not ask an older account named otherwise", () => {
    expect(needsName({ name: "Countess of Lovelace", handle: "countess", email: "ada.lovelace@example.org" }, null)).toBe(false);
    expect(needsName({ name: "Ada", handle: "ada-l", email: null }, null)).toBe(false);
  });

  it("asks once: never again after a name was chosen, nor for a deleted account", () => {
    expect(needsName({ name: "Ada Lovelace", handle: "ada-lovelace", email: "ada.lovelace@example.org" }, chosen)).toBe(false);
    expect(needsName({ name: "deleted member", handle: "deleted-0a1b2c", email: null }, { nameChosenAt: null, deletedAt: new Date() })).toBe(false);
  });
});

describe("suggestedName", () => {
  it("offers a profile's name but nothing made from the address", () => {
    expect(suggestedName({ name: "Alice Liddell", handle: "member-0a1b2c3d4e", email: "alice@example.test" })).toBe("Alice Liddell");
    expect(suggestedName({ name: "Alice", handle: "member-0a1b2c3d4e", email: "alice@example.test" })).toBe("");
    expect(suggestedName({ name: "Alice Liddell", handle: "alice", email: "alice@example.test" })).toBe("");
    expect(suggestedName({ name: null, handle: "member-0a1b2c3d4e", email: "alice@example.test" })).toBe("");
  });
});
