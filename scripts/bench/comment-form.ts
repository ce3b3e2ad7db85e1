// Posting a comment (or casting a vote) over HTTP exactly as a browser does, for
// scripts/bench.ts and scripts/scale/. The version page renders the comment form with the server
// action's reference in hidden inputs (React's progressive enhancement):
//
//   <input type="hidden" name="$ACTION_REF_10"/>
//   <input type="hidden" name="$ACTION_10:0" value='{"id":"<action id>","bound":"$@1"}'/>
//   <input type="hidden" name="$ACTION_10:1" value='[{"error":null}]'/>
//   <input type="hidden" name="$ACTION_KEY" value="k…"/>
//   <input type="hidden" name="slug" …/> <input name="versionId" …/> …
//
// Two ways to submit it, both public endpoints a real client uses:
// - with JavaScript (`fetch` path): POST to the page with the header
//   `Next-Action: <action id>` and React's encodeReply of the action's arguments
//   [previousState, formData] as multipart: the form's fields as `_1_<name>`, then
//   field `0` = `[{"error":null},"$K1"]` (it must come last). On success the
//   answer is 200 with `x-action-redirect: <url>;push` and, in the body, the
//   redirect target page's RSC payload, which Next renders in the same request;
//   a refusal is 200 with the form state `{"error": "…"}` and no such header.
// - without JavaScript (MPA path): POST the form's fields as they are; success is
//   303 See Other to the comment, a refusal 200 with the page and the message.

export type CommentForm = {
  actionId: string;
  /** Every hidden input of the form, in document order, $ACTION_* fields included. */
  hidden: [string, string][];
};

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The "new comment" form of a version page rendered for a signed-in member. */
export function findCommentForm(html: string): CommentForm {
  return findActionForm(html, 'class="new-comment"', "no comment form on the page: is the member signed in and the comment period open?");
}

/** The vote form of an amendment page (its buttons are named "choice"). */
export function findVoteForm(html: string): CommentForm {
  return findActionForm(html, 'name="choice"', "no vote form on the page: is the member signed in, the vote open and their vote not cast?");
}

/** The server-action form around the first occurrence of `marker` in the page. */
export function findActionForm(html: string, marker: string, missing: string): CommentForm {
  const anchor = html.indexOf(marker);
  if (anchor < 0) throw new Error(`${missing} (looked for ${marker})`);
  const start = html.lastIndexOf("<form", anchor);
  const end = html.indexOf("</form>", anchor);
  const form = html.slice(start, end);
  const hidden: [string, string][] = [];
  for (const match of form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?\/?>/g)) {
    hidden.push([decodeEntities(match[1]), decodeEntities(match[2] ?? "")]);
  }
  const reference = hidden.find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  if (!reference) throw new Error("the comment form carries no server action reference ($ACTION_n:0)");
  const actionId = (JSON.parse(reference[1]) as { id?: string }).id;
  if (!actionId) throw new Error(`cannot read the action id from ${reference[1]}`);
  return { actionId, hidden };
}

/** The form's own fields (slug, order, versionId, …), without React's $ACTION_* fields. */
export function formFields(form: CommentForm): [string, string][] {
  return form.hidden.filter(([name]) => !name.startsWith("$ACTION_"));
}

export const BOUNDARY = "----OpenDefBenchBoundary7MA4YWxkTrZu0gW";

export function multipart(fields: [string, string][]): Buffer {
  const parts = fields.map(
    ([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22")}"\r\n\r\n${value}\r\n`,
  );
  return Buffer.from(parts.join("") + `--${BOUNDARY}--\r\n`, "utf8");
}

/** Body and headers of the JavaScript (fetch) submission of the form. */
export function fetchActionRequest(form: CommentForm, body: string | [string, string][]): { headers: Record<string, string>; body: Buffer } {
  const extra: [string, string][] = typeof body === "string" ? [["body", body]] : body;
  const fields: [string, string][] = [...formFields(form), ...extra].map(([name, value]) => [`_1_${name}`, value]);
  fields.push(["0", '[{"error":null},"$K1"]']);
  return {
    headers: { "Next-Action": form.actionId, Accept: "text/x-component", "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: multipart(fields),
  };
}

/** The form's hidden fields with some replaced (e.g. another amendment's id). */
export function withFields(form: CommentForm, values: Record<string, string>): CommentForm {
  return { ...form, hidden: form.hidden.map(([name, value]) => [name, name in values ? values[name] : value]) };
}

/** Body and headers of the no-JavaScript submission of the form. */
export function mpaActionRequest(form: CommentForm, body: string | [string, string][]): { headers: Record<string, string>; body: Buffer } {
  const extra: [string, string][] = typeof body === "string" ? [["body", body]] : body;
  return {
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: multipart([...form.hidden, ...extra]),
  };
}
