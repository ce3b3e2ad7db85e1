import { z } from "zod";
import { htmlToMarkdown } from "@/lib/import/html-to-markdown";
import { ImportError, type ImportRecord } from "@/lib/import/import-record";

// The JSON of a Discourse topic (/t/{id}.json, with its posts in post_stream).
const postSchema = z.object({
  id: z.number().int(),
  post_number: z.number().int().positive(),
  username: z.string().min(1),
  name: z.string().nullish(),
  created_at: z.iso.datetime({ offset: true }),
  cooked: z.string().nullish(),
  raw: z.string().nullish(),
  reply_to_post_number: z.number().int().positive().nullish(),
  hidden: z.boolean().nullish(),
  deleted_at: z.string().nullish(),
  post_type: z.number().int().nullish(),
});
const topicSchema = z.object({ id: z.number().int(), slug: z.string().min(1), post_stream: z.object({ posts: z.array(z.unknown()) }) });

export function parseDiscourse(json: string, baseUrl = ""): ImportRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ImportError(`This is not JSON: ${(error as Error).message}.`);
  }
  const topic = topicSchema.safeParse(data);
  if (!topic.success) {
    const issue = topic.error.issues[0];
    throw new ImportError(`This is not a Discourse topic's JSON (/t/{id}.json): ${issue.path.join(".") || "the top level"}: ${issue.message}.`);
  }
  const { id: topicId, slug } = topic.data;
  return topic.data.post_stream.posts.map((raw, index) => {
    const parsed = postSchema.safeParse(raw);
    const where = `post_stream.posts[${index}]${typeof (raw as { post_number?: unknown })?.post_number === "number" ? ` (post #${(raw as { post_number: number }).post_number})` : ""}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportError(`${where}: ${issue.path.join(".")}: ${issue.message}.`);
    }
    const post = parsed.data;
    return {
      sourceId: `${topicId}/${post.post_number}`,
      parentSourceId: post.reply_to_post_number ? `${topicId}/${post.reply_to_post_number}` : null,
      authorName: post.name?.trim() || post.username,
      authorUrl: baseUrl ? `${baseUrl}/u/${encodeURIComponent(post.username)}` : "",
      date: new Date(post.created_at),
      body: post.raw ?? htmlToMarkdown(post.cooked ?? ""),
      url: baseUrl ? `${baseUrl}/t/${slug}/${topicId}/${post.post_number}` : null,
      where: `post #${post.post_number}`,
      skip: post.deleted_at ? "deleted" : post.hidden ? "hidden" : post.post_type !== undefined && post.post_type !== null && post.post_type !== 1 ? "not a regular post" : undefined,
    };
  });
}
