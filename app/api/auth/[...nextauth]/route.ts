import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { guardAuthRequest } from "@/lib/auth/guard-auth-request";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Context) {
  const refused = await guardAuthRequest(req, (await ctx.params).nextauth);
  return refused ?? NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
