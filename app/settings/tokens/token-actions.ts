"use server";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/errors/action-result";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";
import { revokeAccessTokenSchema, TOKEN_SCOPES } from "@/lib/tokens/access-token.schema";

export type CreateTokenState = ActionState & { secret?: string; name?: string };

// The secret goes back in the form's state, never in a URL: it is shown this once.
export const createTokenAction = formAction<CreateTokenState>(async ({ actor, form }) => {
  const scopes = TOKEN_SCOPES.filter((scope) => form.get(`scope-${scope}`) === "on");
  const token = await createAccessToken({ actor, input: { name: form.get("name") ?? "", scopes, expiresInDays: form.get("expiresInDays") ?? "" } });
  return { error: null, secret: token.secret, name: token.name };
});

export const revokeTokenAction = formAction(async ({ actor, form }) => {
  await revokeAccessToken({ actor, input: form.fields(revokeAccessTokenSchema) });
  return "/settings/tokens";
});
