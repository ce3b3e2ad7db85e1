"use client";
import { useActionState } from "react";
import type { ImportState } from "@/app/admin/import/import-actions";

/** The upload form; while the server imports, the button says so. */
export function ImportForm({ action }: { action: (previous: ImportState, form: FormData) => Promise<ImportState> }) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction}>
      <label htmlFor="import-file">File (up to 1 MB here; larger files with npm run import)</label>
      <input id="import-file" name="file" type="file" required />
      <label htmlFor="import-format">Format</label>
      <select id="import-format" name="format" defaultValue="wxr">
        <option value="wxr">WordPress export (WXR)</option>
        <option value="mbox">Mailing-list archive (mbox)</option>
        <option value="discourse">Discourse topic JSON</option>
      </select>
      <label htmlFor="import-definition">Definition (slug)</label>
      <input id="import-definition" name="definitionSlug" required />
      <label htmlFor="import-version">Version (label)</label>
      <input id="import-version" name="versionLabel" required />
      <label htmlFor="import-section">Section key (optional)</label>
      <input id="import-section" name="sectionKey" />
      <label htmlFor="import-base">Forum address, for Discourse links (optional)</label>
      <input id="import-base" name="baseUrl" type="url" />
      <label>
        <input type="checkbox" name="dryRun" defaultChecked /> Dry run (check and count, write nothing)
      </label>
      {state.error && <p className="form-error" role="alert">{state.error}</p>}
      {state.summary && <p role="status">{state.summary}</p>}
      <p>
        <button type="submit" disabled={pending}>{pending ? "Importing…" : "Import"}</button>
      </p>
    </form>
  );
}
