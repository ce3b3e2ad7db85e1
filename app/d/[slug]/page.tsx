import type { Metadata } from "next";
import { VersionPage, type VersionSearchParams } from "@/app/d/[slug]/version-page";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function DefinitionPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<VersionSearchParams> }) {
  const { slug } = await params;
  return <VersionPage slug={slug} searchParams={await searchParams} />;
}
