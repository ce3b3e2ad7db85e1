import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; handle: string; role: string; suspended: boolean; joinedAt: string; needsName?: boolean };
  }
}
