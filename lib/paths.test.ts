import { afterEach, describe, expect, it } from "vitest";
import {
  amendmentPath,
  amendmentsPath,
  commentPermalink,
  commentRevisionsPath,
  commentsFeedPath,
  definitionPath,
  diffPath,
  discussionPath,
  draftPath,
  historyPath,
  logPath,
  newAmendmentPath,
  sectionPath,
  siteOrigin,
  userPath,
  versionPath,
  versionsFeedPath,
} from "@/lib/paths";

describe("paths", () => {
  it("builds each page's path from a plain slug as the routes expect", () => {
    expect(definitionPath("osaid")).toBe("/d/osaid");
    expect(versionPath("osaid", "1.0")).toBe("/d/osaid/v/1.0");
    expect(sectionPath("osaid", "1.0", "data")).toBe("/d/osaid/v/1.0#s-data");
    expect(sectionPath("osaid", "1.0", null)).toBe("/d/osaid/v/1.0");
    expect(historyPath("osaid")).toBe("/d/osaid/history");
    expect(logPath("osaid")).toBe("/d/osaid/log");
    expect(logPath("osaid", 40)).toBe("/d/osaid/log?after=40");
    expect(diffPath("osaid", { to: "1.0" })).toBe("/d/osaid/diff?to=1.0");
    expect(diffPath("osaid", { from: "0.0.9", to: "1.0" })).toBe("/d/osaid/diff?from=0.0.9&to=1.0");
    expect(draftPath("osaid")).toBe("/d/osaid/draft");
    expect(amendmentsPath("osaid")).toBe("/d/osaid/amendments");
    expect(amendmentsPath("osaid", { section: "data", status: "open", sort: undefined })).toBe("/d/osaid/amendments?section=data&status=open");
    expect(newAmendmentPath("osaid")).toBe("/d/osaid/amendments/new");
    expect(newAmendmentPath("osaid", "data")).toBe("/d/osaid/amendments/new?section=data");
    expect(amendmentPath("osaid", "cm1")).toBe("/d/osaid/amendments/cm1");
    expect(commentPermalink({ slug: "osaid", commentId: "cm2" })).toBe("/d/osaid/comments/cm2");
    expect(commentRevisionsPath("osaid", "cm2")).toBe("/d/osaid/comments/cm2/revisions");
    expect(discussionPath({ slug: "osaid", versionLabel: "1.0" })).toBe("/d/osaid/v/1.0");
    expect(discussionPath({ slug: "osaid", versionLabel: "1.0", amendmentId: "cm1" })).toBe("/d/osaid/amendments/cm1");
    expect(commentsFeedPath("osaid")).toBe("/d/osaid/comments.atom");
    expect(versionsFeedPath("osaid")).toBe("/d/osaid/versions.atom");
    expect(userPath("amara")).toBe("/u/amara");
  });

  it("encodes every slug, label, key and id as one path segment or query value", () => {
    expect(versionPath("a b", "1.0 RC/1")).toBe("/d/a%20b/v/1.0%20RC%2F1");
    expect(sectionPath("osaid", "1.0-RC1", "a#b")).toBe("/d/osaid/v/1.0-RC1#s-a%23b");
    expect(diffPath("osaid", { from: "1.0 RC/1", to: "2.0?x" })).toBe("/d/osaid/diff?from=1.0%20RC%2F1&to=2.0%3Fx");
    expect(newAmendmentPath("osaid", "a&b")).toBe("/d/osaid/amendments/new?section=a%26b");
    expect(amendmentsPath("osaid", { section: "a&b" })).toBe("/d/osaid/amendments?section=a%26b");
    expect(commentPermalink({ slug: "x/y", commentId: "../z" })).toBe("/d/x%2Fy/comments/..%2Fz");
    expect(userPath("a/b")).toBe("/u/a%2Fb");
  });
});

describe("siteOrigin", () => {
  const saved = process.env.NEXTAUTH_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = saved;
  });

  it("prefers NEXTAUTH_URL without its trailing slashes, then the request's origin", () => {
    process.env.NEXTAUTH_URL = "https://opendef.example/ ";
    expect(siteOrigin("http://127.0.0.1:3000")).toBe("https://opendef.example");
    delete process.env.NEXTAUTH_URL;
    expect(siteOrigin("http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
    expect(siteOrigin()).toBe("http://localhost:3000");
  });
});
