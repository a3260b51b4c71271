// npx tsx models/recipe/loss-curve.ts --log models/recipe/ckpt/train.log.jsonl --out models/unmask-tiny/loss.png
// The training loss and masked-token accuracy against tokens seen, drawn as an SVG
// chart and rendered to PNG by Chromium, for the model card.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { launchChromium } from "../../lib/chromium.ts";

const { values } = parseArgs({ options: { log: { type: "string" }, out: { type: "string" } } });
const log = readFileSync(values.log!, "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as { tokens: number; loss: number; acc: number; [k: string]: number });

const W = 800;
const H = 420;
const M = { left: 60, right: 60, top: 30, bottom: 50 };
const maxTokens = Math.max(...log.map((r) => r.tokens));
const maxLoss = Math.ceil(Math.max(...log.map((r) => r.loss)));
const x = (tokens: number) => M.left + (tokens / maxTokens) * (W - M.left - M.right);
const yLoss = (loss: number) => H - M.bottom - (loss / maxLoss) * (H - M.top - M.bottom);
const yAcc = (acc: number) => H - M.bottom - acc * (H - M.top - M.bottom);
const path = (y: (r: (typeof log)[number]) => number) => log.map((r, i) => `${i ? "L" : "M"}${x(r.tokens).toFixed(1)},${y(r).toFixed(1)}`).join("");
const heldOut = log.filter((r) => r["acc@0.3"] !== undefined);
const heldOutBlocks = log.filter((r) => r["bacc@1.0"] !== undefined); // block diffusion, where trained

const ticks = [0, 0.25, 0.5, 0.75, 1];
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${ticks.map((t) => `<line x1="${M.left}" x2="${W - M.right}" y1="${yAcc(t)}" y2="${yAcc(t)}" stroke="#eee"/>
<text x="${M.left - 8}" y="${yAcc(t) + 4}" text-anchor="end" fill="#c0392b">${(t * maxLoss).toFixed(1)}</text>
<text x="${W - M.right + 8}" y="${yAcc(t) + 4}" fill="#2471a3">${t.toFixed(2)}</text>
<text x="${x(t * maxTokens)}" y="${H - M.bottom + 18}" text-anchor="middle">${((t * maxTokens) / 1e6).toFixed(1)}M</text>`).join("\n")}
<path d="${path((r) => yLoss(r.loss))}" fill="none" stroke="#c0392b" stroke-width="1.5"/>
<path d="${path((r) => yAcc(r.acc))}" fill="none" stroke="#2471a3" stroke-width="1.5"/>
${heldOut.map((r) => `<circle cx="${x(r.tokens)}" cy="${yAcc(r["acc@0.3"])}" r="3.5" fill="#1e8449"/>`).join("\n")}
${heldOutBlocks.map((r) => `<circle cx="${x(r.tokens)}" cy="${yAcc(r["bacc@1.0"])}" r="3.5" fill="#d68910"/>`).join("\n")}
<text x="${W / 2}" y="${H - 12}" text-anchor="middle">tokens seen</text>
<text x="${M.left}" y="18" fill="#c0392b">training loss (1/t-weighted)</text>
<text x="${W - M.right}" y="18" text-anchor="end"><tspan fill="#2471a3">masked-token accuracy</tspan><tspan fill="#1e8449"> - held out at t=0.3</tspan>${heldOutBlocks.length ? `<tspan fill="#d68910"> - held out, a block of 8 all masked</tspan>` : ""}</text>
</svg>`;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: W, height: H } });
await page.setContent(`<body style="margin:0">${svg}</body>`);
await page.screenshot({ path: values.out!, clip: { x: 0, y: 0, width: W, height: H } });
await browser.close();
console.log(`wrote ${values.out} (${log.length} points)`);
