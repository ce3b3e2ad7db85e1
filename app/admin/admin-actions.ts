"use server";
import { appointMaintainer } from "@/lib/admin/appoint-maintainer";
import { appointMaintainerSchema } from "@/lib/admin/appoint-maintainer.schema";
import { removeMaintainer } from "@/lib/admin/remove-maintainer";
import { removeMaintainerSchema } from "@/lib/admin/remove-maintainer.schema";
import { setUserRole } from "@/lib/admin/set-user-role";
import { setUserRoleSchema } from "@/lib/admin/set-user-role.schema";
import { createDefinition } from "@/lib/definitions/create-definition";
import { createDefinitionSchema } from "@/lib/definitions/create-definition.schema";
import { setCurator } from "@/lib/systems/set-curator";
import { setCuratorSchema } from "@/lib/systems/set-curator.schema";
import { formAction } from "@/lib/actions/form-action";
import { draftPath } from "@/lib/paths";

// Thin: each use case requires an admin (lib/auth/require-admin.ts) and audits the change.

export const appointMaintainerAction = formAction(async ({ actor, form }) => {
  await appointMaintainer({ actor, input: { ...form.fields(appointMaintainerSchema), reason: form.get("reason") || undefined } });
  return "/admin";
});

export const removeMaintainerAction = formAction(async ({ actor, form }) => {
  await removeMaintainer({ actor, input: { ...form.fields(removeMaintainerSchema), reason: form.get("reason") || undefined } });
  return "/admin";
});

export const setRoleAction = formAction(async ({ actor, form }) => {
  await setUserRole({ actor, input: { ...form.fields(setUserRoleSchema), reason: form.get("reason") || undefined } });
  return "/admin";
});

export const createDefinitionAction = formAction(async ({ actor, form }) => {
  // One source URL per line; its label is the URL without the scheme.
  const sources = (form.get("sources") ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((url) => ({ label: url.replace(/^https?:\/\//, ""), url }));
  const definition = await createDefinition({ actor, input: { ...form.fields(createDefinitionSchema), sources } });
  return draftPath(definition.slug);
});

export const setCuratorAction = formAction(async ({ actor, form }) => {
  await setCurator({ actor, input: { ...form.fields(setCuratorSchema), reason: form.get("reason") || undefined } });
  return "/admin";
});
