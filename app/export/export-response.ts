import "server-only";
import { exportDownload } from "@/lib/export/build-export";

/**
 * The export's ZIP: 304 when the client has this state of the record, else the
 * cached ZIP, or the ZIP streamed as it is built when the record changed since
 * (no Content-Length then).
 */
export async function exportResponse(request: Request, slug: string | null): Promise<Response> {
  const download = await exportDownload({ slug });
  const etag = `"${download.key}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=0, must-revalidate" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const { body, bytes } = await download.open();
  return new Response(body, {
    headers: { ...headers, "Content-Type": "application/zip", ...(bytes === null ? {} : { "Content-Length": String(bytes) }), "Content-Disposition": `attachment; filename="${download.fileName}"` },
  });
}
