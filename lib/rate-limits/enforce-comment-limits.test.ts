import { describe, expect, it } from "vitest";
import { commentLimits, describeWait, normaliseForDuplicates } from "@/lib/rate-limits/enforce-comment-limits";

describe("comment limits", () => {
  it("default to one comment per 5 s, 30 an hour for new accounts and 300 an hour per address, and read the environment", () => {
    expect(commentLimits({})).toEqual({ minIntervalSeconds: 5, hourlyLimitNewAccount: 30, perAddressPerHour: 300 });
    expect(commentLimits({ COMMENT_MIN_INTERVAL_SECONDS: "10", COMMENT_HOURLY_LIMIT_NEW_ACCOUNT: "0", COMMENT_LIMIT_PER_ADDRESS_PER_HOUR: "0" })).toEqual({
      minIntervalSeconds: 10,
      hourlyLimitNewAccount: 0,
      perAddressPerHour: 0,
    });
    expect(commentLimits({ COMMENT_MIN_INTERVAL_SECONDS: "soon", COMMENT_HOURLY_LIMIT_NEW_ACCOUNT: "-3", COMMENT_LIMIT_PER_ADDRESS_PER_HOUR: "1.5" })).toEqual({
      minIntervalSeconds: 5,
      hourlyLimitNewAccount: 30,
      perAddressPerHour: 300,
    });
  });

  it("treat bodies that differ only in whitespace as the same", () => {
    expect(normaliseForDuplicates("  a\n\n b\tc ")).toBe(normaliseForDuplicates("a b c"));
    expect(normaliseForDuplicates("a b")).not.toBe(normaliseForDuplicates("ab"));
  });

  it("say how long to wait in words", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(89)).toBe("89 seconds");
    expect(describeWait(90)).toBe("2 minutes");
    expect(describeWait(3420)).toBe("57 minutes");
  });
});

describe("the posting interval's refusal", () => {
  it("names the clock time to press again at, rounded up so it is never early", async () => {
    const { clockTimeAfter } = await import("@/lib/rate-limits/enforce-limits");
    expect(clockTimeAfter(new Date("2026-12-03T23:41:02.000Z"), 5)).toBe("23:41:07 UTC");
    expect(clockTimeAfter(new Date("2026-12-03T23:41:02.400Z"), 5)).toBe("23:41:08 UTC");
  });
});
