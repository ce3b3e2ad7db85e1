import { apiRoute } from "@/lib/api/api-route";
import { ANNOTATION_CONTENT_TYPE, listVersionAnnotations } from "@/lib/anchors/list-version-annotations";

type Context = { params: Promise<{ slug: string; label: string }> };

/**
 * GET /api/v1/definitions/{slug}/versions/{label}/annotations: the version's
 * comments on passages as a W3C AnnotationCollection (JSON-LD).
 */
export const GET = apiRoute(async (_request: Request, context: Context) => {
  const { slug, label } = await context.params;
  const collection = await listVersionAnnotations(slug, label);
  return new Response(JSON.stringify(collection), { headers: { "Content-Type": ANNOTATION_CONTENT_TYPE } });
});
