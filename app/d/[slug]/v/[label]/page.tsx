import type { Metadata } from "next";
import { VersionPage, type VersionSearchParams } from "@/app/d/[slug]/version-page";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; label: string }>; searchParams: Promise<VersionSearchParams> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, label } = await params;
  return { title: `${slug} ${label}` };
}

export default async function VersionByLabelPage({ params, searchParams }: Params) {
  const { slug, label } = await params;
  return <VersionPage slug={slug} label={label} searchParams={await searchParams} />;
}
