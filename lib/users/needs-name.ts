import { handleFromName, localPartAsHandle } from "@/lib/users/make-handle";

const PROVISIONAL_HANDLE = /^member-[0-9a-f]{10}$/;

export function isProvisionalHandle(handle: string): boolean {
  return PROVISIONAL_HANDLE.test(handle);
}

type Account = { name: string | null; handle: string; email: string | null };
type Settings = { nameChosenAt: Date | null; deletedAt: Date | null } | null | undefined;

/** Whether the handle still shows the e-mail's local part, as the old sign-in made it. */
export function handleShowsAddress(account: Account): boolean {
  return account.email !== null && account.handle === localPartAsHandle(account.email);
}

/**
 * Whether this account must be asked for its display name: a new account (no name,
 * or the random handle it was made with), or an older one whose name or handle is
 * its e-mail's local part. Asked once: choosing a name records nameChosenAt.
 */
export function needsName(account: Account, settings: Settings): boolean {
  if (settings?.nameChosenAt || settings?.deletedAt) return false;
  if (!account.name || isProvisionalHandle(account.handle)) return true;
  if (!account.email) return false;
  const local = localPartAsHandle(account.email);
  return handleShowsAddress(account) || handleFromName(account.name) === local;
}

/** What the name prompt is prefilled with: the account's name, unless it came from the address. */
export function suggestedName(account: Account): string {
  if (!account.name) return "";
  if (account.email && (handleShowsAddress(account) || handleFromName(account.name) === localPartAsHandle(account.email))) return "";
  return account.name;
}
