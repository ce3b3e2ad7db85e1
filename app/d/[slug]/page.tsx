import type { Metadata } from "next";
import { VersionPage } from "@/app/d/[slug]/version-page";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function DefinitionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <VersionPage slug={slug} />;
}
