import type { Metadata } from "next";
import type { ComponentProps } from "react";
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
      <Appointed
        people={staff.moderators}
        action={setRoleAction}
        remove={(handle) => ({ hidden: { handle, role: "member" }, label: `Remove ${handle} as moderator` })}
        add={{ hidden: { role: "moderator" }, label: "Make moderator", field: "moderator-handle", fieldLabel: "Make a member a moderator (handle)" }}
      />

      <h2>Curators of the systems catalogue</h2>
      <p>Curators accept or reject corrections to the facts of <Link href="/systems">the systems catalogue</Link>. Admins are curators too.</p>
      <Appointed
        people={curators}
        action={setCuratorAction}
        remove={(handle) => ({ hidden: { handle, curator: "no" }, label: `Remove ${handle} as curator` })}
        add={{ hidden: { curator: "yes" }, label: "Make curator", field: "curator-handle", fieldLabel: "Make a member a curator (handle)" }}
      />

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

type Form = { hidden: Record<string, string>; label: string };

/** People who hold a role, each with a form that takes it away, and a form that gives it by handle. */
function Appointed({ people, action, remove, add }: {
  people: { handle: string; name: string | null }[];
  action: ComponentProps<typeof ActionForm>["action"];
  remove: (handle: string) => Form;
  add: Form & { field: string; fieldLabel: string };
}) {
  return (
    <>
      <ul>
        {people.map((p) => {
          const form = remove(p.handle);
          return (
            <li key={p.handle}>
              <Link href={userPath(p.handle)}>{p.name ?? p.handle}</Link>{" "}
              <ActionForm action={action} hidden={form.hidden} submitLabel={form.label} className="inline-form" />
            </li>
          );
        })}
      </ul>
      <ActionForm action={action} hidden={add.hidden} submitLabel={add.label}>
        <label htmlFor={add.field}>{add.fieldLabel}</label>
        <input id={add.field} name="handle" type="text" required />
      </ActionForm>
    </>
  );
}
