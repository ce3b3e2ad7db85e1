import { expect, test } from "@playwright/test";
import { member, unique } from "./security/helpers";
import { signInContext } from "./support/sessions";

// Issue 13 as a person sees it: a maintainer answers threads from the queue (one
// inline, two at once as duplicates), and the author finds the answer on the
// thread and in their notifications. The maintainer's browser runs no JavaScript. The rules behind it (who may give which
// answer, bad input, history, audit, publish) are database tests.

type Version = { id: string; sections: { key: string; heading: string }[] };

test("a maintainer answers threads from the queue, two as duplicates at once; the author sees the answer and is notified", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const definition = (await (await fetch(`${baseURL}/api/v1/definitions/osaid`)).json()) as { currentVersion: string };
  const version = (await (await fetch(`${baseURL}/api/v1/definitions/osaid/versions/${encodeURIComponent(definition.currentVersion)}`)).json()) as Version;
  const code = version.sections.find((s) => s.heading === "Code")!;
  const marker = unique("q");

  // Three members each start a thread on the Code section (one post per author: the posting interval is per person).
  const authors = await Promise.all(["disp-a", "disp-b", "disp-c"].map((h) => member(browser, unique(h))));
  const threads: { id: string; permalink: string }[] = [];
  for (const [i, author] of authors.entries()) {
    const posted = await author.request.post("/api/v1/comments", { data: { versionId: version.id, sectionKey: code.key, body: `Thread ${i + 1} ${marker}: publish the evaluation harness too.` } });
    expect(posted.status()).toBe(201);
    threads.push((await posted.json()) as { id: string; permalink: string });
  }

  // The queue works without JavaScript: plain forms, checkboxes joined to the bulk form by its id.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  await signInContext(context, "osi-maint", baseURL!);
  const maintainer = await context.newPage();
  const queue = `/d/osaid/responses/queue?kind=thread&section=${encodeURIComponent(code.key)}`;
  await maintainer.goto(queue);
  const status = maintainer.getByRole("status").filter({ hasText: "without an answer" });
  const count = async () => Number((await status.locator("strong").textContent()) ?? "NaN");
  const before = await count();
  const rows = maintainer.getByRole("row").filter({ hasText: marker });
  await expect(rows).toHaveCount(3);

  // Inline: the first thread gets a reasoned answer.
  const first = rows.filter({ hasText: `Thread 1 ${marker}` });
  await first.locator("summary").click();
  await first.getByLabel("Answer", { exact: true }).selectOption("answered");
  await first.getByLabel(/^Reason/).fill("The Code section already asks for the **evaluation** code.");
  await first.getByRole("button", { name: "Save answer" }).click();
  await expect(rows).toHaveCount(2);
  expect(await count()).toBe(before - 1);

  // Bulk: the other two, ticked, become duplicates of the first.
  for (const n of [2, 3]) await rows.filter({ hasText: `Thread ${n} ${marker}` }).getByRole("checkbox").check();
  const bulk = maintainer.getByRole("group", { name: "One answer for every selected thread and amendment" });
  await bulk.getByLabel("Answer", { exact: true }).selectOption("duplicate");
  await bulk.getByLabel(/^Duplicate of/).fill(`${baseURL}${threads[0].permalink}`);
  await bulk.getByLabel(/^Reason/).fill("Same request as the first thread.");
  await bulk.getByRole("button", { name: "Answer the selected" }).click();
  await expect(rows).toHaveCount(0);
  expect(await count()).toBe(before - 3);

  // The first author reads the answer on the thread, in words, and has been told.
  const author = authors[0];
  await author.goto(threads[0].permalink);
  const answer = author.locator(`#answer-${threads[0].id}`);
  await expect(answer).toContainText("Answered (no change needed)");
  await expect(answer).toContainText("Olu Steward");
  await expect(answer.locator("strong", { hasText: "evaluation" })).toBeVisible();
  await author.goto("/notifications");
  await expect(author.getByText(/Olu Steward answered your comment on Open Source AI Definition .*: Answered \(no change needed\)/)).toBeVisible();

  // A duplicate points at its original.
  const second = authors[1];
  await second.goto(threads[1].permalink);
  const duplicate = second.locator(`#answer-${threads[1].id}`);
  await expect(duplicate).toContainText("Duplicate");
  await expect(duplicate.getByRole("link", { name: "this thread" })).toHaveAttribute("href", threads[0].permalink);
});
