// The artifact sandbox runtime: what wraps a generated app before it runs in an
// iframe. See design.md "Sandbox policy for artifacts".

/** The iframe's sandbox flags. Never allow-same-origin, never top navigation. */
export const SANDBOX_FLAGS = "allow-scripts allow-forms allow-modals";

/**
 * The policy of every page that embeds an artifact (Next serves it as a header; pages
 * built as strings carry HOST_PAGE_CSP_META). The sandbox lets a frame navigate itself,
 * and its own CSP does not govern navigation, so without this an artifact could send
 * data anywhere with `location.href = url`. srcdoc frames are not fetched, so they still load.
 */
export const HOST_PAGE_CSP = "frame-src 'none'";

export const HOST_PAGE_CSP_META = `<meta http-equiv="Content-Security-Policy" content="${HOST_PAGE_CSP}">`;

/** Injected first in the document: the artifact reaches no network. */
export const ARTIFACT_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data:",
  "media-src data: blob:",
  "connect-src 'none'",
  "frame-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join("; ");

type ConsoleLevel = "log" | "info" | "warn" | "error" | "debug";

/** A message the bridge posts to the parent window. */
export type BridgeMessage =
  | { nonce: string; kind: "console"; level: ConsoleLevel; text: string }
  | { nonce: string; kind: "error"; text: string; line: number | null; column: number | null }
  | { nonce: string; kind: "ready" };

// Runs inside the frame before the artifact's own code. It forwards console output
// and uncaught errors to the parent, and gives the opaque origin an in-memory
// localStorage/sessionStorage (the real ones throw there). It also removes WebRTC,
// which no CSP directive governs in Chromium: a peer connection would send STUN/TURN
// packets to any host. (A nested srcdoc frame gets a fresh RTCPeerConnection; the
// sandbox cannot stop that one.) And a form the app submits and does not handle would reload
// the frame (form-action 'none' does not stop that in Chromium), wiping the app: the bridge's
// submit listener, on the window, runs after the app's own and cancels the reload.
function bridgeSource(nonce: string, lineOffset: number): string {
  return `(function(){
var N=${JSON.stringify(nonce)},P=window.parent,O=${lineOffset};
function send(m){m.nonce=N;try{P.postMessage(m,"*")}catch(e){}}
function fmt(a){try{return typeof a==="string"?a:(a instanceof Error?a.name+": "+a.message:JSON.stringify(a))}catch(e){return String(a)}}
["log","info","warn","error","debug"].forEach(function(l){var o=console[l];console[l]=function(){send({kind:"console",level:l,text:Array.prototype.map.call(arguments,fmt).join(" ")});return o.apply(console,arguments)}});
window.addEventListener("error",function(e){send({kind:"error",text:e.message||String(e.error),line:e.lineno?Math.max(1,e.lineno-O):null,column:e.colno||null})});
window.addEventListener("unhandledrejection",function(e){send({kind:"error",text:"Unhandled rejection: "+fmt(e.reason),line:null,column:null})});
function mem(){var d=Object.create(null);return{getItem:function(k){k=String(k);return k in d?d[k]:null},setItem:function(k,v){d[String(k)]=String(v)},removeItem:function(k){delete d[String(k)]},clear:function(){d=Object.create(null)},key:function(i){return Object.keys(d)[i]||null},get length(){return Object.keys(d).length}}}
["localStorage","sessionStorage"].forEach(function(n){var ok=false;try{ok=!!window[n]}catch(e){}if(!ok)Object.defineProperty(window,n,{value:mem(),configurable:true})});
delete window.RTCPeerConnection;delete window.webkitRTCPeerConnection;
window.addEventListener("submit",function(e){e.preventDefault()});
window.addEventListener("load",function(){send({kind:"ready"})});
})();`;
}

/**
 * The srcdoc for one artifact: CSP and bridge first, then the artifact unchanged.
 * The prelude shares the doctype's line (or takes one line of its own when the
 * artifact has no doctype), so the bridge can report the artifact's own line numbers.
 */
export function buildSrcdoc(artifactHtml: string, nonce: string): string {
  const doctype = /^\s*<!doctype html>/i.exec(artifactHtml);
  const lineOffset = doctype ? 0 : 1;
  const prelude =
    `<meta http-equiv="Content-Security-Policy" content="${ARTIFACT_CSP}">` +
    `<script>${bridgeSource(nonce, lineOffset).replace(/\n/g, "")}</script>`;
  return doctype
    ? `<!DOCTYPE html>${prelude}${artifactHtml.slice(doctype[0].length)}`
    : `${prelude}\n${artifactHtml}`;
}

/**
 * True when a message event really comes from our frame, carries its nonce, and has
 * the shape of a bridge message: the parent renders what it accepts, and the artifact
 * itself can read the nonce from its own document. Self-contained (no outside names,
 * no named inner functions, which the TypeScript loader wraps in a helper), so that
 * the Chromium checks can run its source in their host page.
 */
export function isBridgeMessage(
  event: { source: unknown; data: unknown },
  frameWindow: unknown,
  nonce: string,
): event is { source: unknown; data: BridgeMessage } {
  const d = event.data as Record<string, unknown> | null;
  if (!frameWindow || event.source !== frameWindow || !d || typeof d !== "object" || d.nonce !== nonce) return false;
  if (d.kind === "ready") return true;
  if (d.kind === "console") return typeof d.text === "string" && (["log", "info", "warn", "error", "debug"] satisfies ConsoleLevel[]).includes(d.level as ConsoleLevel);
  return d.kind === "error" && typeof d.text === "string" && [d.line, d.column].every((v) => v === null || Number.isInteger(v));
}
