import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

const API_ROOT = path.resolve(__dirname, "../../app/api/v1");

/** Every route file under app/api/v1 as [OpenAPI path, method]: "[slug]" becomes "{slug}". */
function routesOnDisk(dir = API_ROOT): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routesOnDisk(full);
    if (entry.name !== "route.ts") return [];
    const apiPath = "/api/v1" + path.relative(API_ROOT, dir).split(path.sep).map((s) => (s ? "/" + s.replace(/^\[(\w+)\]$/, "{$1}") : "")).join("");
    const methods = [...readFileSync(full, "utf8").matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
    expect(methods.length, full).toBeGreaterThan(0);
    return methods.map((method): [string, string] => [apiPath, method]);
  });
}

describe("/api/v1/openapi.json", () => {
  // Read as plain JSON, as a client would.
  const document = JSON.parse(JSON.stringify(openApiDocument())) as { openapi: string; paths: Record<string, Record<string, unknown>> };

  it("describes every route file under app/api/v1, and nothing that is not one", () => {
    const onDisk = routesOnDisk().map(([p, m]) => `${m.toUpperCase()} ${p}`).sort();
    const described = Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    expect(onDisk.length).toBeGreaterThan(15);
    expect(described).toEqual(onDisk);
  });

  it("is OpenAPI 3.1 with the writes' bodies and answers taken from the routes' zod schemas", () => {
    expect(document.openapi).toBe("3.1.0");
    const post = document.paths["/api/v1/comments"].post as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> }; security: unknown[] };
    const body = post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["body"]);
    // The subject: a version or a system (docs/decisions/028-system-comments.md).
    for (const subject of ["versionId", "systemId"]) expect(body.properties[subject]).toEqual({ anyOf: [{ type: "string", maxLength: 200 }, { type: "null" }] });
    expect(post.security).toEqual([{ session: [] }, { accessToken: [] }]);
    const version = document.paths["/api/v1/definitions/{slug}/versions/{label}"].get as { parameters: { name: string }[]; responses: Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }> };
    expect(version.parameters.map((p) => p.name)).toEqual(["slug", "label"]);
    expect(version.responses["200"].content["application/json"].schema.properties.publishedAt).toEqual({ type: "string", format: "date-time" });
    const ballot = document.paths["/api/v1/ballots/{id}"].get as { responses: Record<string, { content: Record<string, { schema: { properties: Record<string, { enum?: string[] }> } }> }> };
    const ballotFields = ballot.responses["200"].content["application/json"].schema.properties;
    expect(ballotFields.scope.enum).toEqual(["section", "version"]);
    expect(ballotFields.status.enum).toEqual(["scheduled", "open", "closed"]);
    const log = document.paths["/api/v1/log"].get as { parameters: { name: string; in: string }[] };
    expect(log.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["query:after", "query:limit"]);
  });
});
