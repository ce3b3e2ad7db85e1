import Link from "next/link";
import { getProfile } from "@/lib/users/get-profile";
import { isStaff } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/errors/or-not-found";
import { definitionPath } from "@/lib/paths";

export const dynamic = "force-dynamic";

export default async function ProfilePage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const user = await orNotFound(getProfile(handle));
  return (
    <>
      <h1>{user.name ?? user.handle}</h1>
      <p className="muted">
        @{user.handle}
        {isStaff(user) && <> · <span className="badge">{user.role}</span></>}
        {" "}· joined <time dateTime={user.createdAt.toISOString()}>{user.createdAt.toISOString().slice(0, 10)}</time>
      </p>
      <ul className="stats">
        <li>{user._count.comments} comments</li>
        <li>{user._count.amendments} amendments</li>
      </ul>
      {user.maintains.length > 0 && (
        <>
          <h2>Maintains</h2>
          <ul>
            {user.maintains.map((m) => (
              <li key={m.definition.slug}><Link href={definitionPath(m.definition.slug)}>{m.definition.title}</Link></li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
