import { currentUser } from "@/lib/auth/current-user";
import { exportAccountData } from "@/lib/users/export-account-data";

export const dynamic = "force-dynamic";

// "Download my data": the signed-in member's own account as one JSON file.
export async function GET() {
  const user = await currentUser();
  if (!user) {
    return new Response("Sign in to download your data.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const data = await exportAccountData({ actor: user });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="opendef-${user.handle}-data.json"`,
      "Cache-Control": "no-store",
    },
  });
}
