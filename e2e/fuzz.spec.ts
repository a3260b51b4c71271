// Malformed requests against the running server: >= 10,000 of them (bad JSON, wrong
// types, huge bodies, odd unicode and bytes, wrong methods and content types, odd
// paths) must get no 5xx, our routes must answer their 4xx as JSON with a message,
// nothing may start a generation or change a conversation, and the server must still
// answer afterwards.
// Bodies a route would accept are left out, so no generation or change is made.
import { Agent, request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import type { z } from "zod";
import { AddVersionRequest, CreateConversationRequest, GenerateInConversationRequest, RenameConversationRequest } from "../lib/conversation-schemas.ts";
import { MAX_BODY_BYTES } from "../lib/http.ts";
import { InfillRequest } from "../lib/infill.ts";
import { ChatCompletionRequest, FimCompletionRequest } from "../lib/openai.ts";

const REQUESTS = 10_000;
const BATCH = 20;

interface Route {
  /** `:param` segments are filled with fuzzed values. */
  path: string;
  methods: string[];
  /** The body the route's POST/PATCH accepts. */
  body?: z.ZodType;
  /** Where a request may start a generation. */
  generates?: boolean;
  /** The /v1 routes answer errors in OpenAI's shape. */
  openai?: boolean;
}

const ROUTES: Route[] = [
  { path: "/api/generate", methods: ["POST"], body: GenerateInConversationRequest, generates: true },
  { path: "/api/infill", methods: ["POST"], body: InfillRequest, generates: true },
  { path: "/api/conversations", methods: ["GET", "POST"], body: CreateConversationRequest },
  { path: "/api/conversations/:id", methods: ["GET", "PATCH", "DELETE"], body: RenameConversationRequest },
  { path: "/api/conversations/:id/versions", methods: ["POST"], body: AddVersionRequest },
  { path: "/api/conversations/:id/versions/:n/restore", methods: ["POST"] },
  { path: "/api/health", methods: ["GET"] },
  { path: "/api/models", methods: ["GET"] },
  { path: "/v1/chat/completions", methods: ["POST"], body: ChatCompletionRequest, generates: true, openai: true },
  { path: "/v1/fim/completions", methods: ["POST"], body: FimCompletionRequest, generates: true, openai: true },
  { path: "/v1/models", methods: ["GET"], openai: true },
];

const FIELDS = ["message", "seed", "conversationId", "text", "spans", "instruction", "title", "html", "kind", "messages", "model", "prompt", "suffix", "stream", "max_tokens", "diffusing"];

interface Fuzzed {
  route: Route | null;
  method: string;
  path: string;
  /** The path's parameters were URL-encoded, so the request reaches the route's handler. */
  routed: boolean;
  contentType: string | null;
  body: Buffer;
  chunked: boolean;
}

const segment = fc.oneof(
  fc.uuid(),
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer().map(String),
  fc.constantFrom("..", ".", "%2e%2e", "%00", "%", "%zz", "..%2f..%2fetc%2fpasswd", "a".repeat(3000), "\u0000", "😀", "unmask-tiny"),
);
// Raw bytes 0x21-0xff, unencoded: what Node's client lets through in a request line.
const rawSegment = fc.string({ unit: fc.integer({ min: 0x21, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 30 });

// encodeURIComponent throws on a lone surrogate; Buffer turns one into U+FFFD first.
const encode = (s: string) => encodeURIComponent(Buffer.from(s).toString());
const json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? "null");
const hugeText = fc.integer({ min: 2_001, max: 60_000 }).map((n) => "ẋ".repeat(n));
const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hugeText, fc.string({ unit: "binary" }), fc.constant(null));
const wrongTypes = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 });

const body = fc.oneof(
  { weight: 6, arbitrary: wrongTypes.map(json) },
  { weight: 3, arbitrary: fc.jsonValue().map(json) },
  { weight: 3, arbitrary: fc.string({ unit: "binary" }).map((s) => Buffer.from(s)) }, // mostly not JSON; lone surrogates
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) }, // mostly not UTF-8
  { weight: 2, arbitrary: wrongTypes.map((o) => json(o).subarray(0, -1)) }, // truncated
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 50_000 }).map((n) => Buffer.from("[".repeat(n) + "]".repeat(n))) }, // deep
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_BODY_BYTES + 1, max: 2 * MAX_BODY_BYTES }).map((n) => json({ message: "x".repeat(n) })) }, // over the limit
);

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "text/plain",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/jsonx",
  "*/*",
  "",
];

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO"];

const toRoute = fc.record({
  route: fc.constantFrom(...ROUTES),
  params: fc.array(segment, { minLength: 2, maxLength: 2 }),
  query: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
});

const fuzzed: fc.Arbitrary<Fuzzed> = fc
  .record({
    target: fc.oneof(
      { weight: 9, arbitrary: toRoute.map(({ route, params, query }) => {
        let i = 0;
        const path = route.path.replace(/:\w+/g, () => encode(params[i++]));
        // A "." or ".." segment moves the request to another path.
        const routed = !params.some((p) => p === "." || p === "..");
        return { route, path: query === null ? path : `${path}?${encode(query)}`, routed };
      }) },
      { weight: 1, arbitrary: fc
        .tuple(fc.constantFrom("/", "/api/", "/v1/", "/_next/", "/api/conversations/", "/api/generate/"), fc.array(fc.oneof(segment.map(encode), rawSegment), { maxLength: 4 }))
        .map(([prefix, parts]) => ({ route: null, path: prefix + parts.join("/"), routed: false })) },
    ),
    method: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
    contentType: fc.oneof({ weight: 3, arbitrary: fc.constant("application/json") }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES, null) }),
    body,
    chunked: fc.boolean(),
  })
  .chain(({ target, method, ...rest }) =>
    // Mostly a method the route has, so the handler itself is fuzzed.
    (method !== null || !target.route ? fc.constant(method ?? "POST") : fc.constantFrom(...target.route.methods)).map((m) => {
      const r: Fuzzed = { ...target, ...rest, method: m };
      return Object.assign(r, { [fc.toStringMethod]: () => describe(r) });
    }),
  )
  .filter((r) => !accepted(r));

/** Whether the route would accept this body: such a request would do real work, so it is left out. */
function accepted(r: Fuzzed): boolean {
  if (!r.route?.body) return false;
  try {
    return r.route.body.safeParse(JSON.parse(r.body.toString("utf8"))).success;
  } catch {
    return false;
  }
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: BATCH });

/**
 * Send on a kept-alive connection; when that fails, once more on a fresh one, since the
 * server may close an idle connection just as a request goes out on it.
 */
const answer = (base: string, r: Fuzzed) =>
  send(base, r, keepAlive)
    .catch(() => send(base, r, false))
    .catch((e: Error) => e);

function send(base: string, r: Fuzzed, agent: Agent | false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (r.contentType !== null) headers["Content-Type"] = r.contentType;
    // Named explicitly, as Node sends a GET's or DELETE's body unframed by default.
    if (r.chunked) headers["Transfer-Encoding"] = "chunked";
    else headers["Content-Length"] = r.body.length;
    const req = httpRequest(base + r.path, { method: r.method, headers, agent, timeout: 60_000 }, (res) => {
      const contentType = res.headers["content-type"] ?? "";
      if (contentType.startsWith("text/event-stream")) {
        // A stream started after all: stop it at once (and fail below).
        res.destroy();
        resolve({ status: res.statusCode!, contentType, text: "" });
        return;
      }
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, contentType, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("no answer within 60 s")));
    req.on("error", reject);
    req.end(r.body);
  });
}

/** One request, short enough to read in a report (also how fast-check prints a counterexample). */
function describe(r: Fuzzed, a?: Answer | Error): string {
  const request = `${r.method} ${r.path.slice(0, 200)} (${r.contentType}, ${r.body.length} bytes${r.chunked ? ", chunked" : ""}: ${JSON.stringify(r.body.subarray(0, 80).toString("utf8"))})`;
  if (!a) return request;
  return `${request} -> ${a instanceof Error ? a.message : `${a.status} ${a.contentType} ${JSON.stringify(a.text.slice(0, 200))}`}`;
}

/** What must hold for one answer; returns a complaint, or null. */
function check(r: Fuzzed, a: Answer | Error): string | null {
  if (a instanceof Error) {
    // The server may close the connection on a request it refuses before reading all of
    // it: an unknown method (Node's parser stops at the request line), a body over the limit.
    const refusedEarly = (r.method === "FOO" || r.body.length > MAX_BODY_BYTES) && /ECONNRESET|EPIPE|socket hang up/.test(a.message);
    return refusedEarly ? null : "the request failed";
  }
  if (a.status >= 500) return "a 5xx";
  const handled = r.routed && r.route!.methods.includes(r.method);
  if (handled && r.route!.generates && a.status < 300) return "a generation route accepted a malformed request";
  // A handler answers a 4xx as JSON with a message (Next's own not-found page, for a route
  // not built, is HTML).
  if (handled && a.status >= 400 && a.status < 500 && !(a.status === 404 && a.contentType.startsWith("text/html"))) {
    let parsed: { error?: unknown } | null = null;
    try {
      parsed = JSON.parse(a.text);
    } catch {}
    const message = r.route!.openai ? (parsed?.error as { message?: unknown } | undefined)?.message : parsed?.error;
    if (typeof message !== "string" || !message) return "a 4xx without a JSON error message";
  }
  return null;
}

test("10,000 malformed requests: no 5xx, 4xx answers are JSON errors, nothing starts or changes, and the server still answers", async ({ baseURL }) => {
  test.setTimeout(600_000);
  const conversations = async () => JSON.stringify(await (await fetch(`${baseURL}/api/conversations`)).json());
  const before = await conversations();
  const started = Date.now();
  const statuses = new Map<number, number>();
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fuzzed, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      const answers = await Promise.all(batch.map((r) => answer(baseURL!, r)));
      sent += batch.length;
      batch.forEach((r, i) => {
        const a = answers[i];
        if (!(a instanceof Error)) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        const complaint = check(r, a);
        if (complaint) throw new Error(`${complaint}: ${describe(r, a)}`);
      });
    }),
    { numRuns: REQUESTS / BATCH, endOnFailure: true },
  );
  expect(sent).toBeGreaterThanOrEqual(REQUESTS);
  expect(await conversations()).toBe(before);
  const health = await fetch(`${baseURL}/api/health`);
  expect(health.status).toBe(200);
  expect(((await health.json()) as { ok: boolean }).ok).toBe(true);
  console.log(`fuzz: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
});
