"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { currentUser } from "@/lib/auth/current-user";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { locateComment } from "@/lib/comments/locate-comment";
import { followDefinition } from "@/lib/notifications/follow-definition";
import { followThread } from "@/lib/notifications/follow-thread";
import { commentOrderSchema } from "@/lib/comments/list-comments.schema";
import { actionError, type ActionState } from "@/lib/errors/action-result";
import { clientAddress } from "@/lib/http/client-address";

// Thin: read the form, call the use case (which checks who may do what), then
// redirect to the comment in its thread. Each of these is a public POST endpoint.

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function viewOf(form: FormData) {
  const order = commentOrderSchema.safeParse(field(form, "order"));
  return { slug: field(form, "slug") ?? "", order: order.success ? order.data : "oldest", section: field(form, "section") || null };
}

export async function postCommentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const body = field(form, "body") ?? "";
  const actor = await currentUser();
  if (!actor) return { error: "Sign in to comment.", body };
  const view = viewOf(form);
  let location: string;
  try {
    const comment = await createComment({
      actor,
      input: {
        versionId: field(form, "versionId"),
        sectionKey: field(form, "sectionKey"),
        parentId: field(form, "parentId"),
        amendmentId: field(form, "amendmentId"),
        body,
      },
      address: clientAddress(await headers()),
    });
    location = await locateComment({ slug: view.slug, commentId: comment.id, order: view.order, section: view.section });
  } catch (error) {
    return actionError(error, body);
  }
  // The target often differs from the current URL only by its #fragment, which the
  // router would treat as a scroll: refresh so the new state is rendered.
  refresh();
  redirect(location);
}

export async function editCommentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const body = field(form, "body") ?? "";
  const actor = await currentUser();
  if (!actor) return { error: "Sign in to edit your comment.", body };
  const view = viewOf(form);
  let location: string;
  try {
    const comment = await editComment({ actor, input: { commentId: field(form, "commentId"), body } });
    location = await locateComment({ slug: view.slug, commentId: comment.id, order: view.order, section: view.section });
  } catch (error) {
    return actionError(error, body);
  }
  // The target often differs from the current URL only by its #fragment, which the
  // router would treat as a scroll: refresh so the new state is rendered.
  refresh();
  redirect(location);
}

export async function deleteCommentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in to delete your comment." };
  const view = viewOf(form);
  let location: string;
  try {
    const comment = await deleteComment({ actor, input: { commentId: field(form, "commentId") } });
    location = await locateComment({ slug: view.slug, commentId: comment.id, order: view.order, section: view.section });
  } catch (error) {
    return actionError(error);
  }
  // The target often differs from the current URL only by its #fragment, which the
  // router would treat as a scroll: refresh so the new state is rendered.
  refresh();
  redirect(location);
}

export async function followDefinitionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in to follow this definition." };
  try {
    await followDefinition({ actor, input: { definitionId: field(form, "definitionId"), follow: field(form, "follow") === "true" } });
  } catch (error) {
    return actionError(error);
  }
  const returnTo = field(form, "returnTo") ?? "/";
  // Only a path on this site: "//host" would leave it.
  redirect(returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/");
}

export async function followThreadAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in to follow this thread." };
  const view = viewOf(form);
  let location: string;
  try {
    const result = await followThread({ actor, input: { commentId: field(form, "commentId"), follow: field(form, "follow") === "true" } });
    location = await locateComment({ slug: view.slug, commentId: result.rootId, order: view.order, section: view.section });
  } catch (error) {
    return actionError(error);
  }
  // The target often differs from the current URL only by its #fragment, which the
  // router would treat as a scroll: refresh so the new state is rendered.
  refresh();
  redirect(location);
}
