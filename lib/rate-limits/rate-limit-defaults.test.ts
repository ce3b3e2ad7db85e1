import { describe, expect, it } from "vitest";
import { flagLimits } from "@/lib/rate-limits/enforce-flag-limits";
import { signInMailLimits } from "@/lib/rate-limits/enforce-sign-in-mail-limits";

// The limits' defaults, which the browser tests used to find by posting up to them
// (e2e/security/rate-limits.spec.ts keeps the per-account flag message at 10).
describe("rate limit defaults", () => {
  it("flags: 10 per account and 30 per client address an hour, read from the environment", () => {
    expect(flagLimits({})).toEqual({ perAccountPerHour: 10, perAddressPerHour: 30 });
    expect(flagLimits({ FLAG_LIMIT_PER_ACCOUNT_PER_HOUR: "3", FLAG_LIMIT_PER_ADDRESS_PER_HOUR: "0" })).toEqual({ perAccountPerHour: 3, perAddressPerHour: 0 });
    expect(flagLimits({ FLAG_LIMIT_PER_ACCOUNT_PER_HOUR: "-1", FLAG_LIMIT_PER_ADDRESS_PER_HOUR: "many" })).toEqual({ perAccountPerHour: 10, perAddressPerHour: 30 });
  });

  it("sign-in e-mails: 5 per e-mail address and 20 per client address an hour, read from the environment", () => {
    expect(signInMailLimits({})).toEqual({ perEmailPerHour: 5, perAddressPerHour: 20 });
    expect(signInMailLimits({ SIGNIN_MAIL_LIMIT_PER_EMAIL_PER_HOUR: "1", SIGNIN_MAIL_LIMIT_PER_ADDRESS_PER_HOUR: "2" })).toEqual({ perEmailPerHour: 1, perAddressPerHour: 2 });
  });
});
