import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { searchContent } from "@/lib/search/search-content";
import { searchOutput } from "@/lib/search/search-content.schema";

export const dynamic = "force-dynamic";

const PARAMS = ["q", "kind", "definition", "version", "section", "author", "from", "to", "sort", "cursor", "limit"] as const;

/** GET /api/v1/search?q=&kind=&definition=&version=&section=&author=&from=&to=&sort=&cursor=&limit= (docs/api.md). */
export const GET = apiRoute(async (request: Request) => {
  const query = new URL(request.url).searchParams;
  const input = Object.fromEntries(PARAMS.map((name) => [name, query.get(name) ?? undefined]));
  const page = await searchContent({ input: { ...input, q: input.q ?? "" } });
  return NextResponse.json(searchOutput.parse(page));
});
