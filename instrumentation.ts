// Runs once in the Next.js server, as it prepares for its first request (so that one
// request is not yet covered by what this sets up).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { guardRequests } = await import("./lib/request-guard.ts");
  guardRequests();
}
