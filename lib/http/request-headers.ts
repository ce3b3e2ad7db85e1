import "server-only";
import { headers } from "next/headers";
import { CSRF_TOKEN_HEADER, PATH_HEADER } from "@/lib/http/page-security";

/** The path and query of the page being rendered, as the visitor asked for it. */
export async function currentPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/";
}

/** next-auth's CSRF token for the sign-in pages' forms (proxy.ts set the matching cookie). */
export async function signInCsrfToken(): Promise<string> {
  return (await headers()).get(CSRF_TOKEN_HEADER) ?? "";
}
