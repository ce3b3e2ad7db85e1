import { describe, expect, it } from "vitest";
import { voteLimits } from "@/lib/votes/enforce-vote-limit";

describe("vote limits", () => {
  it("default to 60 a minute per account and 300 a minute per address, and read the environment", () => {
    expect(voteLimits({})).toEqual({ perMinute: 60, perAddressPerMinute: 300 });
    expect(voteLimits({ VOTES_PER_MINUTE: "0", VOTES_PER_ADDRESS_PER_MINUTE: "20" })).toEqual({ perMinute: 0, perAddressPerMinute: 20 });
    expect(voteLimits({ VOTES_PER_MINUTE: "many", VOTES_PER_ADDRESS_PER_MINUTE: "-1" })).toEqual({ perMinute: 60, perAddressPerMinute: 300 });
  });
});
