import type { Metadata } from "next";
import { VersionPage } from "@/app/d/[slug]/version-page";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; label: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, label } = await params;
  return { title: `${slug} ${decodeURIComponent(label)}` };
}

export default async function VersionByLabelPage({ params }: Params) {
  const { slug, label } = await params;
  return <VersionPage slug={slug} label={decodeURIComponent(label)} />;
}
