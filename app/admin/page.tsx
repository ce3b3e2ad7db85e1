import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/roles";
import { listStaff } from "@/lib/admin/list-staff";
import { ActionForm } from "@/app/_components/action-form";
import { appointMaintainerAction, createDefinitionAction, removeMaintainerAction, setCuratorAction, setRoleAction } from "@/app/admin/admin-actions";
import { listCurators } from "@/lib/systems/list-curators";
import { definitionPath, userPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin", robots: { index: false } };

export default async function AdminPage() {
  const user = await currentUser();
  if (!isAdmin(user)) notFound();
  const [staff, curators] = await Promise.all([listStaff({ actor: user }), listCurators()]);
  return (
    <>
      <h1>Admin</h1>
      <p className="lede">Appoint maintainers and moderators, and add definitions. Every change is recorded in the public log.</p>

      <h2>Maintainers</h2>
      {staff.definitions.map((d) => (
        <section key={d.id} aria-labelledby={`m-${d.id}`} className="card">
          <h3 id={`m-${d.id}`}><Link href={definitionPath(d.slug)}>{d.title}</Link></h3>
          <ul>
            {d.maintainers.map((m) => (
              <li key={m.handle}>
                <Link href={userPath(m.handle)}>{m.name ?? m.handle}</Link>{" "}
                <ActionForm action={removeMaintainerAction} hidden={{ definitionId: d.id, handle: m.handle }} submitLabel={`Remove ${m.handle}`} className="inline-form" />
              </li>
            ))}
          </ul>
          <ActionForm action={appointMaintainerAction} hidden={{ definitionId: d.id }} submitLabel="Appoint">
            <label htmlFor={`appoint-${d.id}`}>Appoint a maintainer (handle)</label>
            <input id={`appoint-${d.id}`} name="handle" type="text" required />
          </ActionForm>
        </section>
      ))}

      <h2>Moderators</h2>
      <ul>
        {staff.moderators.map((m) => (
          <li key={m.handle}>
            <Link href={userPath(m.handle)}>{m.name ?? m.handle}</Link>{" "}
            <ActionForm action={setRoleAction} hidden={{ handle: m.handle, role: "member" }} submitLabel={`Remove ${m.handle} as moderator`} className="inline-form" />
          </li>
        ))}
      </ul>
      <ActionForm action={setRoleAction} hidden={{ role: "moderator" }} submitLabel="Make moderator">
        <label htmlFor="moderator-handle">Make a member a moderator (handle)</label>
        <input id="moderator-handle" name="handle" type="text" required />
      </ActionForm>

      <h2>Curators of the systems catalogue</h2>
      <p>Curators accept or reject corrections to the facts of <Link href="/systems">the systems catalogue</Link>. Admins are curators too.</p>
      <ul>
        {curators.map((c) => (
          <li key={c.handle}>
            <Link href={userPath(c.handle)}>{c.name ?? c.handle}</Link>{" "}
            <ActionForm action={setCuratorAction} hidden={{ handle: c.handle, curator: "no" }} submitLabel={`Remove ${c.handle} as curator`} className="inline-form" />
          </li>
        ))}
      </ul>
      <ActionForm action={setCuratorAction} hidden={{ curator: "yes" }} submitLabel="Make curator">
        <label htmlFor="curator-handle">Make a member a curator (handle)</label>
        <input id="curator-handle" name="handle" type="text" required />
      </ActionForm>

      <h2>New definition</h2>
      <ActionForm action={createDefinitionAction} hidden={{}} submitLabel="Create definition">
        <label htmlFor="def-slug">Slug (in URLs)</label>
        <input id="def-slug" name="slug" type="text" required pattern="[a-z0-9][a-z0-9\-]{1,47}" />
        <label htmlFor="def-title">Title</label>
        <input id="def-title" name="title" type="text" required />
        <label htmlFor="def-steward">Steward</label>
        <input id="def-steward" name="steward" type="text" required />
        <label htmlFor="def-summary">Summary</label>
        <textarea id="def-summary" name="summary" rows={3} required />
        <label htmlFor="def-sources">Official sources (one URL per line)</label>
        <textarea id="def-sources" name="sources" rows={3} />
      </ActionForm>
    </>
  );
}
