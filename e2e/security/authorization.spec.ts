import { expect, test, type Page } from "@playwright/test";
import { formsByButton, member, multipart, newestFirst, raw, sessionCookie, unique } from "./helpers";

// Every server action is a public POST endpoint: a member who edits the hidden
// fields of their own forms (or replays them by hand) must not reach anyone
// else's comment. Refusals are shown in the form; nothing is written.

async function post(page: Page, text: string) {
  await page.goto("/d/open-science");
  await page.getByLabel(/Comment on version .* as a whole/).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  const article = page.locator("article.comment").filter({ hasText: text });
  await expect(article).toBeVisible();
  const id = (await article.locator("a.permalink").getAttribute("href"))!.split("/").pop()!;
  return { href: newestFirst("open-science"), id };
}

async function commentHtml(baseURL: string, id: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${baseURL}/api/v1/definitions/open-science/versions/0.2/comments?order=newest`);
  type Node = { id: string; bodyHtml: string; deleted: boolean; editedAt: string | null; replies: Node[] };
  const walk = (nodes: Node[]): Node | undefined => nodes.map((n) => (n.id === id ? n : walk(n.replies))).find(Boolean);
  const found = walk(((await res.json()) as { comments: Node[] }).comments);
  return { status: found ? 200 : 404, body: JSON.stringify(found ?? null) };
}

test("a member cannot edit or delete another member's comment through a tampered form or a replayed request", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const alice = await member(browser, unique("alice"));
  const bob = await member(browser, unique("bob"));
  const aliceText = `Alice's own words ${unique("a")}`;
  const theirs = await post(alice, aliceText);
  // Bob's own comment gives him genuine edit and delete forms to tamper with.
  const mine = await post(bob, `Bob's words ${unique("b")}`);
  const before = await commentHtml(baseURL!, theirs.id);

  // 1. In the browser: point the hidden commentId of his Delete form at Alice's comment.
  await bob.goto(mine.href);
  const myArticle = bob.locator(`#comment-${mine.id}`);
  await myArticle.locator('input[name="commentId"]').first().waitFor({ state: "attached" });
  await myArticle.evaluate((el, target) => el.querySelectorAll<HTMLInputElement>('input[name="commentId"]').forEach((i) => (i.value = target)), theirs.id);
  await myArticle.getByRole("button", { name: "Delete" }).click();
  await expect(myArticle.getByRole("alert")).toHaveText("You can only delete your own comments.");

  // 2. By hand, without JavaScript: his edit form, replayed with Alice's id.
  const cookie = await sessionCookie(bob);
  const html = (await raw(baseURL!, { path: `/d/open-science/v/0.2?order=newest&edit=${mine.id}`, headers: { Cookie: cookie } })).body;
  const [edit] = formsByButton(html).get("Save changes") ?? [];
  expect(edit, "Bob's edit form").toBeTruthy();
  const origin = new URL(baseURL!).origin;
  const send = async (fields: Record<string, string>) => {
    const { body, contentType } = multipart(fields);
    return raw(baseURL!, { method: "POST", path: "/d/open-science/v/0.2", headers: { Cookie: cookie, Origin: origin, "Content-Type": contentType }, body });
  };
  const edited = await send({ ...edit, commentId: theirs.id, body: "Bob put words in Alice's mouth" });
  expect(edited.status).toBe(200);
  expect(edited.body).toContain("You can only edit your own comments.");
  const [del] = formsByButton((await raw(baseURL!, { path: "/d/open-science/v/0.2?order=newest", headers: { Cookie: cookie } })).body).get("Delete") ?? [];
  const deleted = await send({ ...del, commentId: theirs.id });
  expect(deleted.body).toContain("You can only delete your own comments.");
  // Extra fields a form never sends change nothing either.
  const extra = await send({ ...edit, commentId: theirs.id, body: "Again", authorId: "anyone", role: "admin", deletedAt: "", hiddenAt: "" });
  expect(extra.body).toContain("You can only edit your own comments.");

  expect(await commentHtml(baseURL!, theirs.id)).toEqual(before);
  expect(before.status).toBe(200);
  expect(before.body).toContain(aliceText.split(" ").pop());
});
