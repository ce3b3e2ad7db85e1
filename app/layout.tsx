import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { currentUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/roles";
import { SignOutButton } from "@/app/sign-out-button";
import { signInPath, userPath } from "@/lib/paths";
import { currentPath } from "@/lib/http/request-headers";
import { SEARCH_QUERY_MAX_CHARACTERS } from "@/lib/search/parse-search-query";
import { ChooseNamePrompt } from "@/app/_components/choose-name-prompt";
import { CopyLinks } from "@/app/_components/copy-links";

export const metadata: Metadata = {
  title: { default: "OpenDef", template: "%s · OpenDef" },
  description: "Public comment and deliberation on the competing definitions of open AI.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const path = await currentPath();
  const signInHref = signInPath(path);
  // A member without a chosen name is asked first, on any page but the settings (where they may also delete the account).
  const askName = user?.needsName === true && !path.startsWith("/settings");
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <CopyLinks />
        <header className="site-header">
          <div className="inner">
            <Link href="/" className="brand">OpenDef</Link>
            <nav aria-label="Main">
              <ul>
                <li><Link href="/">Definitions</Link></li>
                <li><Link href="/compare">Compare</Link></li>
                {user && <li><Link href="/notifications">Notifications</Link></li>}
                {user && <li><Link href="/settings">Settings</Link></li>}
                {isAdmin(user) && <li><Link href="/admin">Admin</Link></li>}
              </ul>
            </nav>
            {/* A plain GET form: search works without JavaScript. */}
            <form method="get" action="/search" role="search" className="header-search">
              <label htmlFor="header-search-q" className="visually-hidden">Search</label>
              <input id="header-search-q" name="q" type="search" placeholder="Search" maxLength={SEARCH_QUERY_MAX_CHARACTERS} />
              <button type="submit">Search</button>
            </form>
            <div className="account">
              {user ? (
                <>
                  <Link href={userPath(user.handle)}>{user.name}</Link>
                  <SignOutButton />
                </>
              ) : (
                <Link href={signInHref}>Sign in</Link>
              )}
            </div>
          </div>
        </header>
        <main id="main">{askName ? <ChooseNamePrompt returnTo={path} /> : children}</main>
        <footer className="site-footer">
          <div className="inner">
            {/* A JSON endpoint, not a page: a plain link, not client-side navigation. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            OpenDef: every text, comment and vote here is public, exportable through the <a href="/api/v1/definitions">API</a>, and each version&apos;s hash can be verified.
          </div>
        </footer>
      </body>
    </html>
  );
}
