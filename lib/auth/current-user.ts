import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

export type Actor = { id: string; name: string; handle: string; role: "member" | "moderator" | "admin" };

/** The signed-in, non-suspended user of this request, or null. Read once per request. */
export const currentUser = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.user || session.user.suspended) return null;
  const { id, name, handle, role } = session.user;
  return { id, name: name ?? handle, handle, role: role as Actor["role"] };
});
