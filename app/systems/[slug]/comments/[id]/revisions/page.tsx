import type { Metadata } from "next";
import { CommentRevisions } from "@/app/_components/comment-revisions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Comment revisions" };

export default async function CommentRevisionsPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  return <CommentRevisions slug={slug} id={id} subject="system" />;
}
