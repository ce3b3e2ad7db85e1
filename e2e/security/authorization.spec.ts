import { expect, test, type Page } from "@playwright/test";
import { formById, formsByButton, member, multipart, newestFirst, publicComments, raw, sessionCookie, unique } from "./helpers";

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
  const found = (await publicComments(baseURL, "open-science")).get(id);
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

  // 1. In the browser: point his Delete button (it sends the comment's id to the thread's shared delete form) at Alice's comment.
  await bob.goto(mine.href);
  const myDelete = bob.locator(`#comment-${mine.id}`).getByRole("button", { name: "Delete" });
  await myDelete.evaluate((button, target) => ((button as HTMLButtonElement).value = target), theirs.id);
  await myDelete.click();
  await expect(bob.locator("form#delete-comment").getByRole("alert")).toHaveText("You can only delete your own comments.");

  // 2. By hand, without JavaScript: his edit form, replayed with Alice's id.
  const cookie = await sessionCookie(bob);
  const html = (await raw(baseURL!, { path: `/d/open-science?order=newest&edit=${mine.id}`, headers: { Cookie: cookie } })).body;
  const [edit] = formsByButton(html).get("Save changes") ?? [];
  expect(edit, "Bob's edit form").toBeTruthy();
  const origin = new URL(baseURL!).origin;
  const send = async (fields: Record<string, string>) => {
    const { body, contentType } = multipart(fields);
    return raw(baseURL!, { method: "POST", path: "/d/open-science", headers: { Cookie: cookie, Origin: origin, "Content-Type": contentType }, body });
  };
  const edited = await send({ ...edit, commentId: theirs.id, body: "Bob put words in Alice's mouth" });
  expect(edited.status).toBe(200);
  expect(edited.body).toContain("You can only edit your own comments.");
  const del = formById((await raw(baseURL!, { path: "/d/open-science?order=newest", headers: { Cookie: cookie } })).body, "delete-comment");
  expect(del, "the thread's delete form").toBeTruthy();
  const deleted = await send({ ...del, commentId: theirs.id });
  expect(deleted.body).toContain("You can only delete your own comments.");
  // Extra fields a form never sends change nothing either.
  const extra = await send({ ...edit, commentId: theirs.id, body: "Again", authorId: "anyone", role: "admin", deletedAt: "", hiddenAt: "" });
  expect(extra.body).toContain("You can only edit your own comments.");

  expect(await commentHtml(baseURL!, theirs.id)).toEqual(before);
  expect(before.status).toBe(200);
  expect(before.body).toContain(aliceText.split(" ").pop());
});

test("a member cannot vote in someone else's name: identity fields in a replayed vote are ignored", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // A seeded amendment whose vote is open and public.
  let target: { slug: string; id: string } | null = null;
  for (const slug of ["osaid", "open-weights", "open-science", "debian-gr"]) {
    const list = (await (await fetch(`${baseURL}/api/v1/definitions/${slug}/amendments?status=voting`)).json()) as { amendments?: { id: string }[] };
    for (const { id } of list.amendments ?? []) {
      const detail = await fetch(`${baseURL}/api/v1/amendments/${id}`);
      if (detail.ok && Array.isArray(((await detail.json()) as { votes?: unknown }).votes)) {
        target = { slug, id };
        break;
      }
    }
    if (target) break;
  }
  expect(target, "a seeded amendment in its public vote").toBeTruthy();
  const page = `/d/${target!.slug}/amendments/${target!.id}`;
  const votes = async () => ((await (await fetch(`${baseURL}/api/v1/amendments/${target!.id}`)).json()) as { votes: { handle: string; choice: string }[] }).votes;

  const aliceName = unique("alice");
  const alice = await member(browser, aliceName);
  await alice.goto(page);
  await alice.getByRole("button", { name: "Vote for" }).click();
  await expect.poll(async () => (await votes()).find((v) => v.handle === aliceName)?.choice).toBe("for");

  const bobName = unique("bob");
  const bob = await member(browser, bobName);
  const cookie = await sessionCookie(bob);
  const [voteForm] = formsByButton((await raw(baseURL!, { path: page, headers: { Cookie: cookie } })).body).get("Vote for") ?? [];
  expect(voteForm, "Bob's vote form").toBeTruthy();
  const { body, contentType } = multipart({ ...voteForm, choice: "against", userId: aliceName, voterId: aliceName, handle: aliceName, authorId: aliceName, tally: '{"for":0,"against":99}' });
  const res = await raw(baseURL!, { method: "POST", path: page, headers: { Cookie: cookie, Origin: new URL(baseURL!).origin, "Content-Type": contentType }, body });
  expect(res.status).toBeLessThan(400);

  const after = await votes();
  expect(after.find((v) => v.handle === aliceName)?.choice).toBe("for");
  expect(after.find((v) => v.handle === bobName)?.choice).toBe("against");
});
