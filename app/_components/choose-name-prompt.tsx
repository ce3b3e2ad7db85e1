import { currentUser } from "@/lib/auth/current-user";
import { getAccountSettings } from "@/lib/users/get-account-settings";
import { NameForm } from "@/app/_components/name-form";
import { chooseNameAction } from "@/app/settings/actions";

/**
 * Shown by the root layout in place of any page until the member has chosen a
 * display name: at the first sign-in, and once for an older account named after
 * its e-mail address. Saving returns to the page that was asked for.
 */
export async function ChooseNamePrompt({ returnTo }: { returnTo: string }) {
  const account = await getAccountSettings({ actor: await currentUser() });
  return (
    <>
      <h1>Choose your name</h1>
      <p className="lede">
        Before you go on: how should others see you? Your name appears beside your comments, amendments and votes, and your profile address is
        made from it. Your e-mail address is never shown.
      </p>
      <NameForm action={chooseNameAction} defaultName={account.suggestedName} returnTo={returnTo} submitLabel="Save and continue" hint="Your name or a pseudonym, 2 to 50 characters." />
      {/* A full page load: the layout is not re-rendered on a client-side navigation. */}
      <p className="muted">You can change it later in <a href="/settings">Settings</a>, where you can also delete this account.</p>
    </>
  );
}
