import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

const schema = z.object({ title: z.string().trim().min(1, "Give it a title.") });

describe("parseInput", () => {
  it("returns what the schema makes of the input", () => {
    expect(parseInput(schema, { title: "  Open  " })).toEqual({ title: "Open" });
  });

  it("refuses with a bad_input AppError carrying the schema's own message", () => {
    let error: unknown;
    try {
      parseInput(schema, { title: " " });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "bad_input", status: 400, message: "Give it a title." });
  });
});
