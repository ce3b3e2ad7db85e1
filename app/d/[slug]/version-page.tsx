import { getDefinition } from "@/lib/definitions/get-definition";
import { getVersion } from "@/lib/versions/get-version";
import { orNotFound } from "@/lib/errors/or-not-found";
import { VersionHeader } from "@/app/d/[slug]/version-header";
import { VersionDocument } from "@/app/d/[slug]/version-document";
import { notFound } from "next/navigation";

/** Shared by /d/[slug] (the current version) and /d/[slug]/v/[label] (any version). */
export async function VersionPage({ slug, label }: { slug: string; label?: string }) {
  const definition = await orNotFound(getDefinition(slug));
  const wanted = label ?? definition.current?.label;
  if (!wanted) notFound();
  const version = await orNotFound(getVersion(slug, wanted));
  return (
    <>
      <VersionHeader definition={definition} version={version} current={definition.current} />
      <VersionDocument body={version.body} sections={version.sections} />
    </>
  );
}
