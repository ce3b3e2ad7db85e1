import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { getAccountSettings } from "@/lib/users/get-account-settings";
import { listFollows } from "@/lib/notifications/list-follows";
import { ActionForm } from "@/app/_components/action-form";
import { NameForm } from "@/app/_components/name-form";
import { chooseNameAction, deleteAccountAction, notificationSettingsAction, signOutEverywhereAction, stopFollowingAction } from "@/app/settings/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/settings");
  const { saved } = await searchParams;
  const [account, follows] = await Promise.all([getAccountSettings({ actor: user }), listFollows({ actor: user })]);
  return (
    <>
      <h1>Settings</h1>

      <section aria-labelledby="name-heading">
        <h2 id="name-heading">Your name</h2>
        <p>
          Others see you as <strong>{account.name ?? account.handle}</strong>, at <Link href={account.profilePath}>{account.profilePath}</Link>. Your e-mail
          address{account.email ? <> ({account.email})</> : null} is never shown to anyone.
        </p>
        <NameForm
          action={chooseNameAction}
          defaultName={account.nameChosen ? (account.name ?? "") : account.suggestedName}
          returnTo="/settings"
          submitLabel="Save name"
          hint={account.nameChosen ? "Changing your name keeps your profile address." : "Your profile address is made from the name you choose."}
        />
      </section>

      <section aria-labelledby="notifications">
        <h2 id="notifications">Notifications</h2>
        <p>
          Replies to your comments, answers to your threads and amendments, and new comments and versions in what you follow appear on{" "}
          <Link href="/notifications">Notifications</Link>.
        </p>
        <ActionForm action={notificationSettingsAction} hidden={{}} submitLabel="Save notification settings">
          <label className="radio">
            <input type="checkbox" name="emailNotifications" defaultChecked={account.emailNotifications} /> Also e-mail them to me
          </label>
        </ActionForm>
        {saved === "notifications" && <p role="status">Saved: {account.emailNotifications ? "notifications are e-mailed to you." : "no notification e-mails."}</p>}
        <h3>What you follow</h3>
        {follows.length === 0 ? (
          <p>Nothing. Follow a definition or a thread from its discussion.</p>
        ) : (
          <ul>
            {follows.map((f) => (
              <li key={f.id}>
                <Link href={f.url}>{f.title}</Link>{" "}
                <ActionForm action={stopFollowingAction} hidden={{ followId: f.id }} submitLabel={`Stop following ${f.title}`} className="inline-form" />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sign out everywhere</h2>
        <p>Signs you out on every device and browser where you are signed in, this one included.</p>
        <ActionForm action={signOutEverywhereAction} hidden={{}} submitLabel="Sign out everywhere" />
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          One JSON file with everything you wrote here (comments and their earlier wordings, amendments, sponsorships, votes, reports, answers),
          what you follow, your notifications and these settings.
        </p>
        {/* A download served by a route handler: a plain link. */}
        <p><a href="/settings/data" download>Download my data</a></p>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete my account</h2>
        <p>Deleting your account cannot be undone. It at once:</p>
        <ul>
          <li>removes your e-mail address, your sign-in links, and every session (you are signed out everywhere);</li>
          <li>removes what you follow and your notifications;</li>
          <li>renames you to “deleted member” wherever your name appears, with a new random profile address;</li>
          <li>keeps your amendments, sponsorships and votes: they are part of how the definitions came about;</li>
          <li>records in the public log that an account was deleted, without your name, handle or address.</li>
        </ul>
        <p>Staff (admins, moderators, maintainers) ask an admin to take their role away first.</p>
        <ActionForm action={deleteAccountAction} hidden={{}} submitLabel="Delete my account">
          <fieldset>
            <legend>Your comments</legend>
            <label className="radio">
              <input type="radio" name="comments" value="keep" defaultChecked /> Keep them in the public record, signed “deleted member”. Replies to them
              keep making sense.
            </label>
            <label className="radio">
              <input type="radio" name="comments" value="erase" /> Erase their text too (and every earlier wording). Each shows as “deleted”; replies
              by others stay.
            </label>
          </fieldset>
          <label htmlFor="confirm-delete">Type “delete” to confirm</label>
          <input type="text" id="confirm-delete" name="confirm" autoComplete="off" required />
        </ActionForm>
      </section>
    </>
  );
}
