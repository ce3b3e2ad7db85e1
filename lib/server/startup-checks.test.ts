import { describe, expect, it } from "vitest";
import { checkEnvironment } from "./startup-checks";

const listen = { hostname: "127.0.0.1", port: 3000 };
const base: NodeJS.ProcessEnv = { NODE_ENV: "production", NEXTAUTH_SECRET: "s", NEXTAUTH_URL: "http://127.0.0.1:3000", SMTP_URL: "smtp://mail:25" };

describe("checkEnvironment", () => {
  it("passes a complete production environment without a word", () => {
    expect(checkEnvironment(base, listen)).toEqual({ warnings: [] });
  });

  it("refuses production without NEXTAUTH_SECRET, and says how to make one", () => {
    expect(checkEnvironment({ ...base, NEXTAUTH_SECRET: "" }, listen).refusal).toMatch(/NEXTAUTH_SECRET is not set; generate one with `openssl rand -base64 32`/);
    expect(checkEnvironment({ ...base, NODE_ENV: "development" as const, NEXTAUTH_SECRET: undefined }, listen).refusal).toBeUndefined();
  });

  it("warns when NEXTAUTH_URL is missing, not a URL, or a loopback address on another port", () => {
    expect(checkEnvironment({ ...base, NEXTAUTH_URL: undefined }, listen).warnings).toEqual([expect.stringMatching(/NEXTAUTH_URL is not set/)]);
    expect(checkEnvironment({ ...base, NEXTAUTH_URL: "127.0.0.1:3000" }, listen).warnings).toEqual([expect.stringMatching(/not a URL/)]);
    expect(checkEnvironment({ ...base, NEXTAUTH_URL: "http://localhost:3001" }, listen).warnings).toEqual([expect.stringMatching(/listens on port 3000/)]);
    expect(checkEnvironment({ ...base, NEXTAUTH_URL: "http://localhost:3000" }, { hostname: "0.0.0.0", port: 3000 }).warnings).toEqual([expect.stringMatching(/listens on 0\.0\.0\.0/)]);
  });

  it("accepts a public name on another port: a proxy in front cannot be seen from here", () => {
    expect(checkEnvironment({ ...base, NEXTAUTH_URL: "https://opendef.example.org" }, listen).warnings).toEqual([]);
  });

  it("warns about no mail transport in production only, and not with the dev outbox", () => {
    expect(checkEnvironment({ ...base, SMTP_URL: "" }, listen).warnings).toEqual([expect.stringMatching(/no mail transport/)]);
    expect(checkEnvironment({ ...base, SMTP_URL: "", OPENDEF_DEV_OUTBOX: "1" }, listen).warnings).toEqual([]);
    expect(checkEnvironment({ ...base, SMTP_URL: "", NODE_ENV: "development" as const }, listen).warnings).toEqual([]);
  });
});
