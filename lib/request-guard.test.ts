// The requests Next.js would answer with a 500 get a 4xx JSON error first; others pass.
import assert from "node:assert/strict";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { guardRequests, refusal } from "./request-guard.ts";

test("TRACE and undecodable paths are refused; everything else passes", () => {
  assert.equal(refusal("TRACE", "/api/health")?.status, 405);
  for (const url of ["/api/conversations/%zz", "/api/conversations/%", "/a%", "/x/%C0", "/x/%E0%A4%A?q=1"]) assert.equal(refusal("GET", url)?.status, 400, url);
  for (const url of ["/", "/api/conversations/%20a%25b", "/x/%C3%A9", "/x/\u00c0", "/x?q=%zz", undefined]) assert.equal(refusal("GET", url), null, String(url));
  assert.equal(refusal("POST", "/api/generate"), null);
});

test("installed on a server, a refused request gets its status and a JSON error; a good one reaches the handler", async () => {
  guardRequests();
  const server = createServer((_req, res) => res.end("handled"));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  const send = (method: string, path: string) =>
    new Promise<string>((ok, fail) => {
      request({ host: "127.0.0.1", port, method, path }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c)).on("end", () => ok(`${res.statusCode} ${body}`));
      })
        .on("error", fail)
        .end();
    });
  try {
    assert.equal(await send("TRACE", "/api/health"), '405 {"error":"the TRACE method is not allowed"}');
    assert.equal(await send("GET", "/api/conversations/%zz"), '400 {"error":"the path is not valid percent-encoded UTF-8"}');
    assert.equal(await send("GET", "/api/health"), "200 handled");
  } finally {
    server.close();
  }
});
