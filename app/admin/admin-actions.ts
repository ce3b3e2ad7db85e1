"use server";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { appointMaintainer } from "@/lib/admin/appoint-maintainer";
import { removeMaintainer } from "@/lib/admin/remove-maintainer";
import { setUserRole } from "@/lib/admin/set-user-role";
import { createDefinition } from "@/lib/definitions/create-definition";
import { actionError, type ActionState } from "@/lib/errors/action-result";

// Thin: the use cases refuse anyone who is not an admin, and audit every change.

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

async function asAdmin(run: (actor: NonNullable<Awaited<ReturnType<typeof currentUser>>>) => Promise<unknown>, then = "/admin"): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { error: "Sign in as an admin." };
  try {
    await run(actor);
  } catch (error) {
    return actionError(error);
  }
  redirect(then);
}

export async function appointMaintainerAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return asAdmin((actor) => appointMaintainer({ actor, input: { definitionId: field(form, "definitionId"), handle: field(form, "handle"), reason: field(form, "reason") || undefined } }));
}

export async function removeMaintainerAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return asAdmin((actor) => removeMaintainer({ actor, input: { definitionId: field(form, "definitionId"), handle: field(form, "handle"), reason: field(form, "reason") || undefined } }));
}

export async function setRoleAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return asAdmin((actor) => setUserRole({ actor, input: { handle: field(form, "handle"), role: field(form, "role"), reason: field(form, "reason") || undefined } }));
}

export async function createDefinitionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const sources = (field(form, "sources") ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((url) => ({ label: url.replace(/^https?:\/\//, ""), url }));
  const slug = field(form, "slug") ?? "";
  return asAdmin(
    (actor) => createDefinition({ actor, input: { slug, title: field(form, "title"), steward: field(form, "steward"), summary: field(form, "summary"), sources } }),
    `/d/${encodeURIComponent(slug)}/draft`,
  );
}
