/** What a notification e-mail needs of its recipient: select this beside the user's id. */
export const MAIL_RECIPIENT_SELECT = { email: true, settings: { select: { emailNotifications: true } } } as const;

/**
 * Where to e-mail a notification, or null: no address, or the member turned
 * e-mails off in /settings (the notification still appears on /notifications).
 */
export function mailAddress(user: { email: string | null; settings: { emailNotifications: boolean } | null }): string | null {
  return user.settings?.emailNotifications === false ? null : user.email;
}
