import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { listAccessTokens } from "@/lib/tokens/list-access-tokens";
import { TOKEN_MAX_DAYS, TOKEN_SCOPES } from "@/lib/tokens/access-token.schema";
import { formatUtc } from "@/lib/format-utc";
import { ActionForm } from "@/app/_components/action-form";
import { CreateTokenForm } from "@/app/settings/tokens/create-token-form";
import { createTokenAction, revokeTokenAction } from "@/app/settings/tokens/token-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access tokens" };

export default async function TokensPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/settings/tokens");
  const tokens = await listAccessTokens({ actor: user });
  const now = new Date();
  return (
    <>
      <h1>Personal access tokens</h1>
      <p className="muted">
        A script or bot sends a token as <code>Authorization: Bearer …</code> to the API&apos;s writes (see <a href="/api/v1/openapi.json">the OpenAPI description</a>). It acts as you, with your limits:
        <code>comment</code> posts comments, <code>vote</code> votes on amendments and ballots; <code>read</code> alone writes nothing. Creating and revoking a token is recorded in the public log.
      </p>
      <h2>New token</h2>
      <CreateTokenForm action={createTokenAction} maxDays={TOKEN_MAX_DAYS} scopes={TOKEN_SCOPES} />
      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <table>
          <thead>
            <tr><th>Name</th><th>Scopes</th><th>Created</th><th>Expires</th><th>Last used</th><th>State</th></tr>
          </thead>
          <tbody>
            {tokens.map((t) => {
              const live = !t.revokedAt && t.expiresAt > now;
              return (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.scopes.join(", ")}</td>
                  <td>{formatUtc(t.createdAt)}</td>
                  <td>{formatUtc(t.expiresAt)}</td>
                  <td>{t.lastUsedAt ? formatUtc(t.lastUsedAt) : "never"}</td>
                  <td>{live ? <ActionForm action={revokeTokenAction} hidden={{ tokenId: t.id }} submitLabel={`Revoke ${t.name}`} /> : t.revokedAt ? "revoked" : "expired"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
