"use client";
import { useActionState } from "react";
import { proposeAmendmentAction, type ProposeState } from "@/app/d/[slug]/amendments/amendment-actions";
import { KeptTextarea } from "@/app/_components/kept-textarea";
import { SimilarItems } from "@/app/_components/similar-items";
import { AMENDMENT_TITLE_MAX } from "@/lib/amendments/propose-amendment.schema";

type Props = { slug: string; versionId: string; sectionKey: string; sectionHeading: string; currentText: string };

const KINDS = [
  { value: "replace", label: "Replace the section's text" },
  { value: "insert", label: "Insert a new section after it" },
  { value: "delete", label: "Delete the section" },
];

/**
 * Propose an amendment: "Preview" shows the word-level redline against the
 * section's current text without storing anything; "Propose" submits it. Both are
 * plain form posts, so it works without JavaScript too.
 */
export function ProposeForm({ slug, versionId, sectionKey, sectionHeading, currentText }: Props) {
  const [state, action, pending] = useActionState<ProposeState, FormData>(proposeAmendmentAction, { error: null });
  const values = state.values ?? { kind: "replace", title: "", rationale: "", proposedText: currentText };
  // A new key after every answer, so the fields show what the server echoed back.
  const key = JSON.stringify(values);
  return (
    <form action={action} key={key}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="sectionKey" value={sectionKey} />
      <fieldset>
        <legend>What should change in &ldquo;{sectionHeading}&rdquo;?</legend>
        {KINDS.map((k) => (
          <label key={k.value} className="radio">
            <input type="radio" name="kind" value={k.value} defaultChecked={values.kind === k.value} /> {k.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor="title">Title</label>
      <input id="title" name="title" type="text" required maxLength={AMENDMENT_TITLE_MAX} defaultValue={values.title} />
      <label htmlFor="proposedText">Proposed text</label>
      <p className="muted hint" id="proposedText-hint">
        For a replacement, edit the section&apos;s text below. For a new section, start with its heading line (<code>## Heading</code>). For a deletion, leave it as it is.
      </p>
      <KeptTextarea id="proposedText" name="proposedText" rows={12} defaultValue={values.proposedText} aria-describedby="proposedText-hint" />
      <label htmlFor="rationale">Rationale: why should the definition change?</label>
      <KeptTextarea id="rationale" name="rationale" rows={5} required defaultValue={values.rationale} />
      <SimilarItems watch={["title", "rationale"]} kind="amendment" definition={slug} section={sectionKey} />
      {state.error && <p className="form-error" role="alert">{state.error}</p>}
      {state.preview && (
        <section aria-labelledby="preview-heading" className="card">
          <h2 id="preview-heading">Preview: changes to the current text</h2>
          {state.preview.problem && <p className="form-error">{state.preview.problem}</p>}
          <div className="diff" dangerouslySetInnerHTML={{ __html: state.preview.html }} />
        </section>
      )}
      <p className="button-row">
        <button type="submit" name="intent" value="preview" className="secondary" disabled={pending}>Preview changes</button>
        <button type="submit" name="intent" value="propose" disabled={pending}>Propose amendment</button>
      </p>
    </form>
  );
}
