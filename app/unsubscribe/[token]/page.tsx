import type { Metadata } from "next";
import { getSubscription } from "@/lib/notifications/get-subscription";
import { isAppError } from "@/lib/errors/app-error";
import { ActionForm } from "@/app/_components/action-form";
import { unsubscribeAction } from "@/app/notifications/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token === "done") {
    return (
      <>
        <h1>Unsubscribed</h1>
        <p>You will get no more e-mails about it. You can follow it again from its discussion at any time.</p>
      </>
    );
  }
  let subscription;
  try {
    subscription = await getSubscription({ token });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <>
        <h1>Unsubscribe</h1>
        <p>{error.message}</p>
      </>
    );
  }
  return (
    <>
      <h1>Unsubscribe</h1>
      <p>Stop e-mails and notifications about {subscription.kind === "definition" ? `the definition ${subscription.title}` : subscription.title}?</p>
      <ActionForm action={unsubscribeAction} hidden={{ token }} submitLabel="Unsubscribe" />
    </>
  );
}
