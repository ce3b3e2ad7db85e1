import "server-only";
import { headers } from "next/headers";

// Request headers that proxy.ts sets for the pages (any the client sent are replaced).
export const PATH_HEADER = "x-opendef-path";
export const CSRF_TOKEN_HEADER = "x-opendef-csrf-token";

/** The path and query of the page being rendered, as the visitor asked for it. */
export async function currentPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/";
}

/** next-auth's CSRF token for the sign-in pages' forms (proxy.ts set the matching cookie). */
export async function signInCsrfToken(): Promise<string> {
  return (await headers()).get(CSRF_TOKEN_HEADER) ?? "";
}
