"use server";
import { headers } from "next/headers";
import { createComment } from "@/lib/comments/create-comment";
import { createCommentSchema } from "@/lib/comments/create-comment.schema";
import { editComment } from "@/lib/comments/edit-comment";
import { editCommentSchema } from "@/lib/comments/edit-comment.schema";
import { deleteComment } from "@/lib/comments/delete-comment";
import { deleteCommentSchema } from "@/lib/comments/delete-comment.schema";
import { locateComment } from "@/lib/comments/locate-comment";
import { followDefinition } from "@/lib/notifications/follow-definition";
import { followDefinitionSchema } from "@/lib/notifications/follow-definition.schema";
import { followThread } from "@/lib/notifications/follow-thread";
import { followThreadSchema } from "@/lib/notifications/follow-thread.schema";
import { commentOrderSchema } from "@/lib/comments/list-comments.schema";
import { formAction, type FormReader } from "@/lib/actions/form-action";
import { clientAddress } from "@/lib/http/client-address";
import { answersInPlace, commentInPlace } from "@/app/d/[slug]/comment-in-place";

// Thin: the use case checks who may do what; then to the comment in its thread.
// The target often differs from the current URL only by its #fragment, hence refresh.

/** The comment's place in the thread as the reader was viewing it. */
function locate(form: FormReader, commentId: string) {
  const order = commentOrderSchema.safeParse(form.get("order"));
  return locateComment({
    slug: form.get("slug") ?? "",
    commentId,
    order: order.success ? order.data : "oldest",
    section: form.get("section") || null,
    subject: form.get("subject") === "system" ? "system" : "definition",
  });
}

const keepBody = (form: FormReader) => ({ body: form.get("body") ?? "" });

export const postCommentAction = formAction(
  async ({ actor, form }) => {
    const input = { ...form.fields(createCommentSchema), body: form.get("body") ?? "" };
    const comment = await createComment({ actor, input, address: clientAddress(await headers()) });
    // With JavaScript: only the new comment, shown in place (no page render, no redirect).
    if (answersInPlace(form)) return commentInPlace({ actor: actor!, form, commentId: comment.id });
    return locate(form, comment.id);
  },
  { keep: keepBody, refresh: true },
);

export const editCommentAction = formAction(
  async ({ actor, form }) => {
    const comment = await editComment({ actor, input: { ...form.fields(editCommentSchema), body: form.get("body") ?? "" } });
    if (answersInPlace(form)) return commentInPlace({ actor: actor!, form, commentId: comment.id, articleOnly: true });
    return locate(form, comment.id);
  },
  { keep: keepBody, refresh: true },
);

export const deleteCommentAction = formAction(
  async ({ actor, form }) => {
    const comment = await deleteComment({ actor, input: form.fields(deleteCommentSchema) });
    return locate(form, comment.id);
  },
  { refresh: true },
);

export const followDefinitionAction = formAction(async ({ actor, form }) => {
  await followDefinition({ actor, input: { ...form.fields(followDefinitionSchema), follow: form.get("follow") === "true" } });
  return form.returnTo("/");
});

export const followThreadAction = formAction(
  async ({ actor, form }) => {
    const result = await followThread({ actor, input: { ...form.fields(followThreadSchema), follow: form.get("follow") === "true" } });
    return locate(form, result.rootId);
  },
  { refresh: true },
);
