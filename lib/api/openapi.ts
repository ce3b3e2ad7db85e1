import { z } from "zod";
import { definitionListOutput, definitionOutput, versionOutput } from "@/lib/api/definition-output";
import { commentCreatedOutput, dispositionCreatedOutput, voteOutput } from "@/lib/api/write-output";
import { setDispositionSchema } from "@/lib/dispositions/set-disposition.schema";
import { auditLogOutput, listAuditLogSchema } from "@/lib/audit/list-audit-log.schema";
import { amendmentApiSchema } from "@/lib/amendments/get-amendment.schema";
import { amendmentListApiSchema, amendmentListQuerySchema } from "@/lib/amendments/list-amendments.schema";
import { ballotListOutput, ballotOutput, castBallotOutput } from "@/lib/ballots/ballot-output";
import { castBallotSchema } from "@/lib/ballots/cast-ballot.schema";
import { createCommentSchema } from "@/lib/comments/create-comment.schema";
import { commentThreadQuerySchema, publicCommentPageSchema } from "@/lib/comments/list-comments.schema";
import { castVoteSchema } from "@/lib/votes/cast-vote.schema";
import { searchContentSchema, searchOutput } from "@/lib/search/search-content.schema";

// The OpenAPI 3.1 description of /api/v1, built from the very zod schemas the
// routes parse their input and shape their answers with (zod 4's JSON Schema
// output), so the description cannot drift from what the routes do.
// lib/api/openapi.test.ts checks that every route file under app/api/v1 is in it.

type JsonSchema = Record<string, unknown>;

/** Dates leave the API as ISO strings (`z.date().transform(toISOString)`): say so rather than "anything". */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema: js }) => {
      const def = zodSchema._zod.def as { type: string; in?: z.ZodType };
      if (def.type === "date" || (def.type === "pipe" && def.in?._zod.def.type === "date")) {
        for (const key of Object.keys(js)) delete (js as JsonSchema)[key];
        Object.assign(js, { type: "string", format: "date-time" });
      }
    },
  }) as JsonSchema;
  delete out.$schema; // OpenAPI 3.1's dialect is already 2020-12
  return out;
}

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: object.required?.includes(name) ?? false, schema: s }));
}

const errorSchema = { type: "object", properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } }, required: ["code", "message"] } }, required: ["error"] };

function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [String(s), { description: "Refused; the message says why.", content: { "application/json": { schema: errorSchema } } }]));
}

function json(description: string, schema: z.ZodType | JsonSchema, status = "200") {
  return { [status]: { description, content: { "application/json": { schema: schema instanceof z.ZodType ? jsonSchema(schema, "output") : schema } } } };
}

type Operation = {
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<string, unknown>;
  security?: "write";
};

function operation(path: string, { summary, query, body, responses, security }: Operation) {
  const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  return {
    summary,
    parameters: [...pathParameters, ...(query ? queryParameters(query) : [])],
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body, "input") } } } } : {}),
    ...(security ? { security: [{ session: [] }, { accessToken: [] }] } : {}),
    responses: { ...responses, ...errors(400, 404, 500), ...(security ? errors(401, 403, 409, 413, 429) : {}) },
  };
}

const TALLY_SHEET = { type: "object", description: "The tally sheet: one row per ballot cast (secret ballots name receipts, not voters).", additionalProperties: true };

/** An answer whose shape docs/api.md spells out field by field (it is built by hand, not by a zod schema). */
function described(what: string, section: string): JsonSchema {
  return { type: "object", description: `${what}; its fields are listed in docs/api.md, "${section}".`, additionalProperties: true };
}

const systemsQuery = z.object({
  sort: z.string().max(100).optional().describe("a definition's slug: admitted first, then undecided, then not admitted"),
  filter: z.string().max(120).optional().describe("SLUG:admitted, SLUG:not_admitted or SLUG:undecided"),
  q: z.string().max(100).optional().describe("text the system's name or developer contains"),
});

const OPERATIONS: Record<string, Record<string, Operation>> = {
  "/api/v1/definitions": { get: { summary: "Every definition with its current version", responses: json("The definitions", definitionListOutput) } },
  "/api/v1/definitions/{slug}": { get: { summary: "A definition, its maintainers and its versions with hashes", responses: json("The definition", definitionOutput) } },
  "/api/v1/definitions/{slug}/versions/{label}": { get: { summary: "A published version with its sections", responses: json("The version", versionOutput) } },
  "/api/v1/definitions/{slug}/versions/{label}/comments": {
    get: { summary: "A version's comment threads, a page at a time", query: commentThreadQuerySchema, responses: json("A page of threads", publicCommentPageSchema) },
  },
  "/api/v1/definitions/{slug}/amendments": { get: { summary: "A definition's amendments", query: amendmentListQuerySchema, responses: json("The amendments", amendmentListApiSchema) } },
  "/api/v1/definitions/{slug}/ballots": { get: { summary: "A definition's ranked ballots", responses: json("The ballots", ballotListOutput) } },
  "/api/v1/definitions/{slug}/log": { get: { summary: "A definition's entries of the hash-chained audit log", query: listAuditLogSchema.omit({ slug: true }), responses: json("A page of the log", auditLogOutput) } },
  "/api/v1/log": { get: { summary: "The whole site's hash-chained audit log", query: listAuditLogSchema.omit({ slug: true }), responses: json("A page of the log", auditLogOutput) } },
  "/api/v1/amendments/{id}": { get: { summary: "An amendment with its tally and decision", responses: json("The amendment", amendmentApiSchema) } },
  "/api/v1/amendments/{id}/vote": {
    put: { summary: "Cast or change the member's vote on an amendment (token scope: vote)", body: castVoteSchema.omit({ amendmentId: true }), responses: json("The vote as stored", voteOutput), security: "write" },
  },
  "/api/v1/ballots/{id}": { get: { summary: "A ranked ballot, its options and (once closed) its result", responses: json("The ballot", ballotOutput) } },
  "/api/v1/ballots/{id}/ballot": {
    put: { summary: "Cast or replace the member's ranking (token scope: vote)", body: castBallotSchema.omit({ ballotId: true }), responses: json("The ranking as stored, with its receipt", castBallotOutput), security: "write" },
  },
  "/api/v1/ballots/{id}/tally.json": { get: { summary: "The ballot's tally sheet as JSON", responses: json("The tally sheet", TALLY_SHEET) } },
  "/api/v1/ballots/{id}/tally.csv": {
    get: { summary: "The ballot's tally sheet as CSV (recount it with npm run recount)", responses: { "200": { description: "The tally sheet", content: { "text/csv": { schema: { type: "string" } } } } } },
  },
  "/api/v1/comments": { post: { summary: "Post a comment or a reply (token scope: comment)", body: createCommentSchema, responses: json("The new comment and its permalink", commentCreatedOutput, "201"), security: "write" } },
  "/api/v1/definitions/{slug}/versions/{label}/annotations": {
    get: { summary: "The version's comments on passages as a W3C AnnotationCollection (JSON-LD)", responses: json("The annotations", described("An AnnotationCollection", "Definitions")) },
  },
  "/api/v1/definitions/{slug}/versions/{label}/responses": {
    get: { summary: "What became of every thread and amendment on the version before this one", responses: json("The response report", described("The response report", "Definitions")) },
  },
  "/api/v1/definitions/{slug}/versions/{label}/classification": {
    get: { summary: "Which catalogued systems this version admits, and why", responses: json("The verdicts", described("The version's verdicts", "Systems catalogue")) },
  },
  "/api/v1/systems": { get: { summary: "The systems catalogue: each system's verdict under the current version of every definition", query: systemsQuery, responses: json("The matrix", described("The matrix", "Systems catalogue")) } },
  "/api/v1/systems/{slug}": { get: { summary: "One system: its facts with sources and history, and its verdicts over time", responses: json("The system", described("The system", "Systems catalogue")) } },
  "/api/v1/systems/{slug}/comments": {
    get: { summary: "A system's comment threads, a page at a time", query: commentThreadQuerySchema.omit({ section: true }), responses: json("A page of threads", publicCommentPageSchema) },
  },
  "/api/v1/search": { get: { summary: "Full-text search across sections, comments, amendments and systems", query: searchContentSchema, responses: json("A page of results", searchOutput) } },
  "/api/v1/dispositions": {
    post: { summary: "Answer a root thread or an amendment, or revise its answer (token scope: comment)", body: setDispositionSchema, responses: json("The answer as stored", dispositionCreatedOutput, "201"), security: "write" },
  },
  "/api/v1/openapi.json": { get: { summary: "This description", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } } },
};

/** The document served at /api/v1/openapi.json. */
export function openApiDocument() {
  const paths = Object.fromEntries(Object.entries(OPERATIONS).map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, operation(path, op)]))]));
  return {
    openapi: "3.1.0",
    info: { title: "OpenDef API", version: "1", description: "Everything public about the definitions, their versions, comments, amendments, ballots and audit log; writes as a member. See docs/api.md." },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The site's session cookie (__Host-next-auth.session-token over HTTPS)." },
        accessToken: { type: "http", scheme: "bearer", description: "A personal access token from /settings/tokens, with the scope the operation names." },
      },
    },
    paths,
  };
}
