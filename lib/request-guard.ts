// Requests that Next.js answers with a 500 rather than a 4xx, refused before it sees them:
// TRACE to a route handler (Next.js builds a web Request for the handler, and the
// platform's Request refuses that method), and a path whose percent-escapes do not decode
// (vercel/next.js#92527). Installed by instrumentation.ts.
import { Server, type IncomingMessage, type ServerResponse } from "node:http";

/** Why a request must be refused before Next.js sees it, or null. */
export function refusal(method: string | undefined, url: string | undefined): { status: 400 | 405; error: string } | null {
  if (method === "TRACE") return { status: 405, error: "the TRACE method is not allowed" };
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
  } catch {
    return { status: 400, error: "the path is not valid percent-encoded UTF-8" };
  }
  return null;
}

/** Answer refused requests on every HTTP server of this process. */
export function guardRequests(): void {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    const [request, response] = args as [IncomingMessage, ServerResponse];
    const refused = event === "request" ? refusal(request.method, request.url) : null;
    if (!refused) return Reflect.apply(emit, this, [event, ...args]) as boolean;
    response.writeHead(refused.status, { "Content-Type": "application/json" }).end(JSON.stringify({ error: refused.error }));
    return true;
  } as typeof emit;
}
