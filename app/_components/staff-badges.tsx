import { staffBadgesByHandle } from "@/lib/auth/staff-badges";

/**
 * "admin", "moderator" or "maintainer of <definition>" next to a name, so that
 * staff can be told from look-alikes. All staff are read once per request
 * (lib/auth/staff-badges.ts), however many names a page shows.
 */
export async function StaffBadges({ handle }: { handle: string }) {
  const badges = (await staffBadgesByHandle()).get(handle);
  if (!badges) return null;
  return (
    <>
      {badges.map((b) => (
        <span key={b.label}>
          {" "}
          <span className={`badge staff-badge staff-${b.kind}`}>{b.label}</span>
        </span>
      ))}
    </>
  );
}
