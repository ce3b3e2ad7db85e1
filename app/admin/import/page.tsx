import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/roles";
import { ImportForm } from "@/app/admin/import/import-form";
import { importAction } from "@/app/admin/import/import-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import a discussion", robots: { index: false } };

export default async function ImportPage() {
  const user = await currentUser();
  if (!isAdmin(user)) notFound();
  return (
    <>
      <h1>Import a discussion</h1>
      <p className="lede">
        Comments from a WordPress export, a mailing-list archive or a Discourse topic become comments by imported authors, with their original dates and links. A second import of the same file adds
        nothing. The import is recorded in the public log.
      </p>
      <ImportForm action={importAction} />
    </>
  );
}
