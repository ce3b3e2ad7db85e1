import "server-only";
import { ensureExport, readExport } from "@/lib/export/build-export";

/** The export's ZIP, built when the record changed since the cached one; 304 when the client has it. */
export async function exportResponse(request: Request, slug: string | null): Promise<Response> {
  const built = await ensureExport({ slug });
  const etag = `"${built.key}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=0, must-revalidate" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(readExport(built.file), {
    headers: { ...headers, "Content-Type": "application/zip", "Content-Length": String(built.bytes), "Content-Disposition": `attachment; filename="${built.fileName}"` },
  });
}
