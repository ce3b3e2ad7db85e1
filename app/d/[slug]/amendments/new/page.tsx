import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDefinition } from "@/lib/definitions/get-definition";
import { getVersion } from "@/lib/versions/get-version";
import { orNotFound } from "@/lib/errors/or-not-found";
import { currentUser } from "@/lib/auth/current-user";
import { ProposeForm } from "@/app/d/[slug]/amendments/new/propose-form";
import { amendmentsPath, definitionPath, newAmendmentPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Propose an amendment" };

export default async function NewAmendmentPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ section?: string }> }) {
  const { slug } = await params;
  const { section } = await searchParams;
  const definition = await orNotFound(getDefinition(slug));
  if (!definition.current) notFound();
  const version = await orNotFound(getVersion(slug, definition.current.label));
  const target = version.sections.find((s) => s.key === section);
  const user = await currentUser();
  const here = newAmendmentPath(slug, section);
  return (
    <>
      <p><Link href={definitionPath(slug)}>{definition.title} {version.label}</Link> · <Link href={amendmentsPath(slug)}>Amendments</Link></p>
      <h1>Propose an amendment</h1>
      {!user ? (
        <p className="notice"><Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link> to propose an amendment.</p>
      ) : !target ? (
        <>
          <p>Pick the section of version {version.label} your amendment changes:</p>
          <ul>
            {version.sections.map((s) => (
              <li key={s.key}><Link href={newAmendmentPath(slug, s.key)}>{s.heading}</Link></li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p className="lede">
            Against section &ldquo;{target.heading}&rdquo; of version {version.label}. It needs sponsors from other members before it goes to a vote.
          </p>
          <ProposeForm slug={slug} versionId={version.id} sectionKey={target.key} sectionHeading={target.heading} currentText={target.text} />
        </>
      )}
    </>
  );
}
